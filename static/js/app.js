// Perilaku kecil di seluruh halaman. Tidak ada skrip sebaris: CSP hanya mengizinkan berkas dari 'self'.
(function () {
  "use strict";

  // Cegah klik ganda mengirim formulir dua kali: tombol kirim dimatikan setelah klik pertama.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.method.toLowerCase() !== "post") {
      return;
    }
    if (form.dataset.terkirim === "1") {
      event.preventDefault();
      return;
    }
    form.dataset.terkirim = "1";
    form.querySelectorAll("button[type=submit]").forEach(function (tombol) {
      if (tombol.dataset.teksProses) {
        tombol.textContent = tombol.dataset.teksProses;
      }
      tombol.classList.add("disabled");
      tombol.setAttribute("aria-disabled", "true");
    });
    window.setTimeout(function () { form.dataset.terkirim = ""; }, 15000);
  });

  // Filter yang berubah langsung mengirim formulir bila ditandai data-kirim-otomatis.
  document.querySelectorAll("form[data-kirim-otomatis] select").forEach(function (pilihan) {
    pilihan.addEventListener("change", function () { pilihan.form.requestSubmit(); });
  });

  // Formulir Daftar: daftar PKS hanya menampilkan PKS milik OPD yang dipilih (server tetap memeriksanya).
  var pilihanOpd = document.querySelector("select[name=opd]");
  var pilihanPks = document.querySelector("select[name=pks]");
  if (pilihanOpd && pilihanPks) {
    var saringPks = function () {
      pilihanPks.querySelectorAll("option[data-opd]").forEach(function (opsi) {
        var cocok = opsi.dataset.opd === pilihanOpd.value;
        opsi.hidden = !cocok;
        opsi.disabled = !cocok;
        if (!cocok && opsi.selected) {
          pilihanPks.value = "";
        }
      });
    };
    pilihanOpd.addEventListener("change", saringPks);
    saringPks();
  }
})();
