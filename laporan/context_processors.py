from laporan import selectors


def tugas(request) -> dict:
    """Lencana Tugas Saya dan notifikasi baru di navigasi setiap halaman (satu kueri)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    lencana = selectors.lencana(user=user)
    return {"jumlah_tugas": lencana.tugas, "jumlah_notifikasi_baru": lencana.notifikasi_baru}
