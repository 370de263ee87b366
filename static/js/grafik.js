// Grafik dasbor dari tabel di sampingnya: angka hanya ditulis sekali, di tabel yang dapat dibaca pembaca layar.
// <canvas data-grafik="line|bar|bar-mendatar|doughnut" data-tabel="id-tabel">; kolom seri ditandai
// <th data-seri> di kepala tabel, nilainya <td data-nilai="…"> berurutan sama, label baris dari <th scope=row>.
(function () {
  "use strict";

  if (typeof window.Chart === "undefined") {
    return;
  }

  // Warna berkontras ≥ 3:1 terhadap putih (WCAG 1.4.11); garis juga dibedakan oleh pola dan bentuk titik,
  // sehingga seri tidak hanya dibedakan oleh warna.
  var WARNA = ["#0a58ca", "#146c43", "#b35c00", "#6f42c1", "#b02a37", "#0f766e", "#495057", "#087990"];
  var POLA_GARIS = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  var BENTUK_TITIK = ["circle", "rectRot", "triangle", "rect"];
  var angka = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

  function bacaTabel(tabel) {
    var seri = Array.prototype.map.call(tabel.querySelectorAll("thead th[data-seri]"), function (th) {
      return th.textContent.trim();
    });
    var label = [];
    var nilai = seri.map(function () { return []; });
    tabel.querySelectorAll("tbody tr").forEach(function (baris) {
      var sel = baris.querySelectorAll("td[data-nilai]");
      if (sel.length !== seri.length) {
        return;
      }
      label.push(baris.querySelector("th").textContent.trim());
      sel.forEach(function (td, i) {
        var isi = td.dataset.nilai;
        nilai[i].push(isi === "" ? null : Number(isi));
      });
    });
    return { seri: seri, label: label, nilai: nilai };
  }

  function konfigurasi(jenis, data) {
    var lingkaran = jenis === "doughnut";
    var datasets = data.seri.map(function (nama, i) {
      var warna = lingkaran ? WARNA.slice(0, data.label.length) : WARNA[i % WARNA.length];
      return {
        label: nama,
        data: data.nilai[i],
        backgroundColor: warna,
        borderColor: lingkaran ? "#ffffff" : warna,
        borderDash: POLA_GARIS[i % POLA_GARIS.length],
        pointStyle: BENTUK_TITIK[i % BENTUK_TITIK.length],
        pointRadius: 4,
        tension: 0.25,
      };
    });
    var opsi = {
      responsive: true,
      maintainAspectRatio: false,
      locale: "id-ID",
      animation: false,
      plugins: {
        legend: { display: lingkaran || data.seri.length > 1, position: "bottom", labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: function (konteks) {
              var nama = lingkaran ? konteks.label : konteks.dataset.label;
              var nilai = lingkaran ? konteks.parsed : (jenis === "bar-mendatar" ? konteks.parsed.x : konteks.parsed.y);
              return nama + ": " + angka.format(nilai);
            },
          },
        },
      },
    };
    if (!lingkaran) {
      opsi.scales = {};
      opsi.scales[jenis === "bar-mendatar" ? "x" : "y"] = {
        beginAtZero: true,
        ticks: { callback: function (nilai) { return angka.format(nilai); } },
      };
    }
    if (jenis === "bar-mendatar") {
      opsi.indexAxis = "y";
    }
    return {
      type: jenis === "bar-mendatar" ? "bar" : jenis,
      data: { labels: data.label, datasets: datasets },
      options: opsi,
    };
  }

  document.querySelectorAll("canvas[data-grafik]").forEach(function (kanvas) {
    var tabel = document.getElementById(kanvas.dataset.tabel);
    if (!tabel) {
      return;
    }
    var data = bacaTabel(tabel);
    if (!data.label.length) {
      kanvas.closest("figure").hidden = true;
      return;
    }
    kanvas.chart = new window.Chart(kanvas, konfigurasi(kanvas.dataset.grafik, data));
    kanvas.dataset.tergambar = "1";
  });
})();
