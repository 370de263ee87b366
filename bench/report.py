"""Tabel Markdown dari isi latest.json: setiap rasio di samping targetnya, yang meleset ditandai."""


def _ms(detik: float | None) -> str:
    if detik is None:
        return "—"
    return f"{detik * 1000:,.1f}".replace(",", " ") if detik < 10 else f"{detik:,.1f} s"


def _status(lulus: bool | None) -> str:
    return {True: "✅ tercapai", False: "❌ MELESET", None: "—"}[lulus]


def tabel_markdown(laporan: dict) -> str:
    data = laporan.get("data", {})
    mesin = laporan.get("mesin", {})
    baris = [
        f"### Tolok ukur `{laporan['preset']}` pada {data.get('mesin_basis_data', '?')} "
        f"{data.get('versi_basis_data', '')} — {laporan.get('waktu', '')}",
        "",
        f"{data.get('baris_daftar', 0):,} baris Daftar; median {laporan['ulang']} putaran setelah "
        f"{laporan['pemanasan']} pemanasan; {mesin.get('cpu', '?')} × {mesin.get('jumlah_cpu', '?')}, "
        f"{mesin.get('memori_mb', '?')} MB RAM, Python {mesin.get('python', '?')}.",
        "",
        "| Jalur panas | Dasar | Median (ms) | Dasar (ms) | Rasio | Target | Status |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for h in laporan["hasil"]:
        rasio = "—" if h.get("rasio") is None else f"{h['rasio']:.2f}×"
        target = "—" if h.get("target") is None else f"≤ {h['target']:g}×"
        status = _status(h.get("lulus")) if h.get("rasio") is not None else "tidak diukur"
        baris.append(
            f"| {h['judul']} | {h['dasar']} | {_ms(h.get('median_detik'))} | {_ms(h.get('dasar_median_detik'))} "
            f"| {rasio} | {target} | {status} |"
        )
        if "memori" in h:
            m = h["memori"]
            baris.append(
                f"| {h['judul']}: memori puncak (kenaikan RSS) | — | {m['kenaikan_mb']:.0f} MB | — | — "
                f"| ≤ {h['batas_memori_mb']} MB | {_status(h['memori_lulus'])} |"
            )
    kueri = laporan.get("kueri")
    if kueri:
        beda = [k for k, v in kueri.items() if v["penuh"] != v["sepuluh_baris"]]
        ringkas = ", ".join(f"{k} {v['penuh']}" for k, v in kueri.items())
        baris.append(
            f"| Kueri SQL per halaman (data penuh = 10 baris) | — | {ringkas} | — | — | sama "
            f"| {_status(not beda)}{' (' + ', '.join(beda) + ')' if beda else ''} |"
        )
    catatan = [f"- {h['judul']}: {h['catatan']}" for h in laporan["hasil"] if h.get("catatan")]
    if catatan:
        baris += ["", *catatan]
    beban = laporan.get("beban")
    if beban:
        baris += ["", tabel_beban(beban)]
    return "\n".join(baris)


def tabel_beban(beban: dict) -> str:
    baris = [
        "| Uji beban | Pengguna | Permintaan/detik | p50 (ms) | p95 (ms) | p99 (ms) | Galat "
        "| Rasio throughput ke dasar |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for item in beban.get("putaran", []):
        rasio = item.get("rasio_throughput")
        baris.append(
            f"| {item['nama']} | {item['pengguna']} | {item['rps']:.1f} | {item['p50']:.0f} | {item['p95']:.0f} "
            f"| {item['p99']:.0f} | {item['galat']} | {'—' if rasio is None else f'{rasio:.2f}'} |"
        )
    return "\n".join(baris)
