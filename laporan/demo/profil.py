"""Profil pemanfaatan demo per OPD: layanan yang memakai data, volume bulanan, dan rencana PKS-nya."""

from dataclasses import dataclass, field

from pemanfaatan.models import JenisPemanfaatan, MetodeAkses, TujuanPemanfaatan

DK = JenisPemanfaatan.DATA_KEPENDUDUKAN
NIK = JenisPemanfaatan.NIK
KTP = JenisPemanfaatan.KTP_EL
WS = MetodeAkses.WEB_SERVICE
WP = MetodeAkses.WEB_PORTAL
CR = MetodeAkses.CARD_READER
PT = MetodeAkses.PERMINTAAN_TERTULIS
LAYANAN_PUBLIK = TujuanPemanfaatan.PELAYANAN_PUBLIK
PERENCANAAN = TujuanPemanfaatan.PERENCANAAN_PEMBANGUNAN
ANGGARAN = TujuanPemanfaatan.ALOKASI_ANGGARAN
DEMOKRASI = TujuanPemanfaatan.PEMBANGUNAN_DEMOKRASI
HUKUM = TujuanPemanfaatan.PENEGAKAN_HUKUM


@dataclass(frozen=True)
class Layanan:
    jenis: JenisPemanfaatan
    metode: MetodeAkses
    keperluan: str
    volume: int  # jumlah rata-rata per bulan
    peluang: float = 1.0  # peluang layanan dipakai pada satu bulan
    musim: dict[int, float] = field(default_factory=dict)  # pengali per bulan kalender (mis. PPDB bulan Juni)
    tanpa_pks: bool = False  # Staf mencatatnya tanpa PKS: temuan kepatuhan
    keterangan: str = ""


@dataclass(frozen=True)
class RencanaPks:
    urut: int  # nomor urut pada register PKS Dinas
    sisa_hari: int  # berlaku_sampai dikurangi hari ini; negatif = sudah berakhir
    masa_tahun: int = 5
    lingkup: frozenset[JenisPemanfaatan] | None = None  # None = semua jenis yang dipakai OPD


@dataclass(frozen=True)
class Profil:
    kode: str
    tujuan: tuple[TujuanPemanfaatan, ...]
    pks: tuple[RencanaPks, ...]
    layanan: tuple[Layanan, ...] = ()
    lanjut_setelah_berakhir: bool = False  # tetap memakai data setelah PKS berakhir: temuan kepatuhan


# OPD di fixture yang tidak disebut di sini tidak punya PKS dan tidak memakai data (mis. Dinas Dukcapil sendiri).
PROFIL = (
    # Dinas Pendidikan
    Profil("1.01.0.00.0.00.01.0000", (LAYANAN_PUBLIK, PERENCANAAN), (RencanaPks(112, 910),), (
        Layanan(NIK, WS, "Verifikasi NIK calon peserta didik PPDB SMA/SMK/SLB", 800, musim={5: 8, 6: 40, 7: 12}),
        Layanan(NIK, WS, "Pemadanan data peserta didik (Dapodik) dengan NIK", 1500, peluang=0.6),
    )),
    # Dinas Kesehatan: PKS lama berakhir delapan bulan lalu dan langsung diperpanjang.
    Profil("1.02.0.00.0.00.01.0000", (LAYANAN_PUBLIK, PERENCANAAN, ANGGARAN), (
        RencanaPks(41, -250), RencanaPks(97, 1575),
    ), (
        Layanan(NIK, WS, "Verifikasi peserta JKN penerima bantuan iuran daerah", 5200),
        Layanan(DK, WP, "Pemadanan data sasaran imunisasi dan penurunan stunting", 1800, peluang=0.8),
        Layanan(DK, PT, "Data agregat penduduk per kelompok umur untuk perencanaan kesehatan", 1300, peluang=0.2),
    )),
    # RSUD Dr. Achmad Mochtar Bukittinggi
    Profil("1.02.0.00.0.00.02.0000", (LAYANAN_PUBLIK,), (RencanaPks(58, 1100),), (
        Layanan(NIK, WS, "Verifikasi identitas pasien rawat jalan dan rawat inap", 7400),
        Layanan(KTP, CR, "Pendaftaran pasien dengan KTP-el di anjungan mandiri", 2600),
    )),
    # Rumah Sakit Jiwa Prof. HB. Saanin
    Profil("1.02.0.00.0.00.03.0000", (LAYANAN_PUBLIK,), (RencanaPks(63, 48, 3),), (
        Layanan(NIK, WS, "Verifikasi identitas pasien rawat jalan dan rawat inap", 1900),
    )),
    # RSUD Mohammad Natsir
    Profil("1.02.0.00.0.00.04.0000", (LAYANAN_PUBLIK,), (RencanaPks(71, 600),), (
        Layanan(NIK, WS, "Verifikasi identitas pasien rawat jalan dan rawat inap", 3100),
        Layanan(KTP, CR, "Pendaftaran pasien dengan KTP-el di anjungan mandiri", 900),
    )),
    # RSUD Prof. H. Muhammad Yamin, SH: PKS baru berlaku sekitar lima bulan; sebelumnya belum memakai data.
    Profil("1.02.0.00.0.00.05.0000", (LAYANAN_PUBLIK,), (RencanaPks(24, 1675),), (
        Layanan(NIK, WS, "Verifikasi identitas pasien rawat jalan dan rawat inap", 2300),
    )),
    # Dinas Bina Marga, Cipta Karya dan Tata Ruang
    Profil("1.03.0.00.0.00.01.0000", (LAYANAN_PUBLIK, PERENCANAAN), (RencanaPks(86, 420, 3),), (
        Layanan(NIK, PT, "Verifikasi identitas pemilik lahan terdampak pengadaan tanah jalan provinsi", 60, 0.4),
    )),
    # Dinas Sumber Daya Air dan Bina Konstruksi
    Profil("1.03.0.00.0.00.02.0000", (LAYANAN_PUBLIK, PERENCANAAN), (RencanaPks(15, -75, 3),), (
        Layanan(NIK, PT, "Verifikasi identitas warga terdampak pembangunan daerah irigasi", 45, peluang=0.5),
    )),
    # Dinas Perumahan Rakyat, Kawasan Permukiman dan Pertanahan
    Profil("1.04.2.10.0.00.01.0000", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(77, 980),), (
        Layanan(NIK, WP, "Verifikasi calon penerima bantuan rumah tidak layak huni", 350, 0.8, {2: 2, 3: 2.5, 4: 1.5}),
    )),
    # Satuan Polisi Pamong Praja: PKS hanya mencakup NIK, tetapi pemeriksaan KTP-el juga dicatat (temuan).
    Profil("1.05.0.00.0.00.01.0000", (HUKUM, LAYANAN_PUBLIK), (RencanaPks(52, 700, lingkup=frozenset({NIK})),), (
        Layanan(NIK, WP, "Pemeriksaan identitas pelanggar Perda dan Perkada", 140),
        Layanan(KTP, CR, "Pemeriksaan KTP-el dalam operasi penegakan Perda", 90, peluang=0.5),
    )),
    # Badan Penanggulangan Bencana Daerah
    Profil("1.05.0.00.0.00.02.0000", (LAYANAN_PUBLIK, PERENCANAAN), (RencanaPks(49, 21, 3),), (
        Layanan(DK, WP, "Pendataan penduduk terdampak bencana", 400, 0.5, {11: 3, 12: 3, 1: 2}),
        Layanan(NIK, WP, "Verifikasi penerima bantuan stimulan rumah rusak akibat bencana", 250, peluang=0.4),
    )),
    # Dinas Sosial
    Profil("1.06.0.00.0.00.01.0000", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(103, 1300),), (
        Layanan(NIK, WS, "Pemadanan data penerima bansos", 9000, musim={1: 1.6, 4: 1.6, 7: 1.6, 10: 1.6}),
        Layanan(NIK, WP, "Verifikasi calon penerima bantuan sosial daerah", 2400),
    )),
    # Dinas Tenaga Kerja dan Transmigrasi: PKS berakhir, data tetap dipakai selama perpanjangan diproses (temuan).
    Profil("2.07.0.00.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(9, -100, 3),), (
        Layanan(NIK, WP, "Verifikasi identitas pencari kerja (kartu AK/1)", 650),
        Layanan(NIK, PT, "Seleksi calon transmigran", 40, peluang=0.25),
    ), lanjut_setelah_berakhir=True),
    # DP3AP2KB
    Profil("2.08.2.14.0.00.01.0000", (LAYANAN_PUBLIK, PERENCANAAN), (RencanaPks(88, 540),), (
        Layanan(DK, WS, "Pemutakhiran data keluarga untuk sasaran KB dan stunting", 3200, peluang=0.9),
        Layanan(NIK, WP, "Verifikasi identitas korban dalam layanan UPTD PPA", 35),
    )),
    # Dinas Pangan
    Profil("2.09.0.00.0.00.01.0000", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(66, 63, 3),), (
        Layanan(NIK, WP, "Verifikasi penerima bantuan cadangan pangan pemerintah daerah", 800, peluang=0.5),
    )),
    # Dinas Lingkungan Hidup
    Profil("2.11.0.00.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(94, 760, 3),), (
        Layanan(NIK, WP, "Verifikasi identitas pemohon persetujuan lingkungan", 25, peluang=0.6),
    )),
    # Dinas Pemberdayaan Masyarakat dan Desa
    Profil("2.13.0.00.0.00.01.0000", (PERENCANAAN, ANGGARAN), (RencanaPks(118, 1500),), (
        Layanan(DK, PT, "Data agregat penduduk per nagari untuk profil nagari", 1150, peluang=0.25),
        Layanan(NIK, WP, "Verifikasi penerima BLT Dana Desa", 1200, peluang=0.6),
    )),
    # Dinas Perhubungan
    Profil("2.15.0.00.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(31, 330, 3),), (
        Layanan(NIK, WP, "Verifikasi identitas pemohon izin angkutan antarkota dalam provinsi", 55, peluang=0.7),
    )),
    # Dinas Komunikasi, Informatika dan Statistik
    Profil("2.16.2.20.2.21.01.0000", (LAYANAN_PUBLIK, PERENCANAAN), (RencanaPks(105, 1000),), (
        Layanan(DK, WS, "Integrasi data agregat kependudukan ke portal Satu Data Sumatera Barat", 240),
        Layanan(NIK, WS, "Verifikasi identitas pengguna layanan pengaduan daring", 1300),
    )),
    # Dinas Koperasi, Usaha Kecil dan Menengah
    Profil("2.17.0.00.0.00.01.0000", (LAYANAN_PUBLIK, PERENCANAAN), (RencanaPks(39, 250, 3),), (
        Layanan(NIK, WP, "Verifikasi NIK pelaku usaha mikro dalam pendataan UMKM", 1700, peluang=0.8),
    )),
    # Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu
    Profil("2.18.0.00.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(107, 1200),), (
        Layanan(NIK, WS, "Verifikasi identitas pemohon perizinan dan nonperizinan", 1150),
        Layanan(KTP, CR, "Verifikasi KTP-el pemohon di Mal Pelayanan Publik", 420),
    )),
    # Dinas Pemuda dan Olahraga
    Profil("2.19.0.00.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(72, 80, 3),), (
        Layanan(NIK, WP, "Verifikasi identitas atlet peserta Porprov dan kejuaraan daerah", 150, peluang=0.35),
    )),
    # Dinas Kearsipan dan Perpustakaan
    Profil("2.23.2.24.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(121, 1400),), (
        Layanan(NIK, WP, "Verifikasi identitas pendaftar anggota perpustakaan", 120, peluang=0.5),
    )),
    # Dinas Kelautan dan Perikanan
    Profil("3.25.0.00.0.00.01.0000", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(83, 870),), (
        Layanan(NIK, WP, "Verifikasi nelayan calon penerima asuransi dan bantuan sarana tangkap", 450, peluang=0.6),
    )),
    # Dinas Pariwisata
    Profil("3.26.0.00.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(27, -210, 3),), (
        Layanan(NIK, WP, "Verifikasi pelaku usaha pariwisata peserta sertifikasi", 80, peluang=0.5),
    )),
    # Dinas Perkebunan, Tanaman Pangan dan Hortikultura
    Profil("3.27.0.00.0.00.01.0000", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(91, 640),), (
        Layanan(
            NIK, WS, "Verifikasi petani calon penerima bantuan benih dan alat mesin pertanian", 2100, 0.85,
            {1: 1.8, 2: 1.5, 8: 1.6, 9: 1.8},
        ),
    )),
    # Dinas Peternakan dan Kesehatan Hewan
    Profil("3.27.0.00.0.00.02.0000", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(99, 1100),), (
        Layanan(NIK, WP, "Verifikasi peternak calon penerima bantuan ternak", 300, peluang=0.5),
    )),
    # Dinas Kehutanan: tanpa PKS sama sekali, tetapi meminta verifikasi secara tertulis (temuan).
    Profil("3.28.0.00.0.00.01.0000", (), (), (
        Layanan(
            NIK, PT, "Verifikasi anggota kelompok tani hutan calon penerima perhutanan sosial", 120, 0.3,
            keterangan="Permintaan tertulis; PKS belum ditandatangani.",
        ),
    )),
    # Dinas Perindustrian dan Perdagangan
    Profil("3.30.3.31.0.00.01.0000", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(35, 300, 3),), (
        Layanan(NIK, WP, "Verifikasi pelaku IKM calon penerima bantuan peralatan", 180, peluang=0.5),
    )),
    # Sekretariat Daerah
    Profil("4.01.0.00.0.00.01.0000", (PERENCANAAN,), (RencanaPks(124, 1600),), (
        Layanan(DK, PT, "Data agregat kependudukan untuk Laporan Penyelenggaraan Pemerintahan Daerah", 400, 0.2),
    )),
    # Sekretariat DPRD
    Profil("4.02.0.00.0.00.01.0000", (LAYANAN_PUBLIK, DEMOKRASI), (RencanaPks(61, 35, 3),), (
        Layanan(NIK, PT, "Verifikasi penerima bantuan aspirasi (pokok pikiran) DPRD", 220, peluang=0.4),
    )),
    # Badan Perencanaan Pembangunan Daerah
    Profil("5.01.0.00.0.00.01.0000", (PERENCANAAN, ANGGARAN), (RencanaPks(101, 950),), (
        Layanan(DK, PT, "Data agregat kependudukan semester untuk perencanaan pembangunan daerah", 1300, 0.3),
        Layanan(DK, WP, "Analisis data kependudukan untuk penyusunan RKPD", 600, peluang=0.5),
    )),
    # Badan Pengelolaan Keuangan dan Aset Daerah
    Profil("5.02.0.00.0.00.01.0000", (ANGGARAN,), (RencanaPks(109, 1250),), (
        Layanan(NIK, WP, "Verifikasi penerima hibah dan bantuan sosial APBD", 700, musim={1: 2, 2: 2.5, 3: 1.5}),
    )),
    # Badan Pendapatan Daerah
    Profil("5.02.0.00.0.00.02.0000", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(56, 760),), (
        Layanan(KTP, CR, "Layanan pajak kendaraan bermotor", 9500),
        Layanan(NIK, WS, "Pemadanan NIK wajib pajak kendaraan bermotor", 4200, peluang=0.9),
    )),
    # Badan Kepegawaian Daerah
    Profil("5.03.0.00.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(44, 480),), (
        Layanan(NIK, WS, "Verifikasi data ASN dan pelamar seleksi CASN", 420, musim={9: 4, 10: 3, 11: 1.5}),
    )),
    # Badan Pengembangan Sumber Daya Manusia
    Profil("5.04.0.00.0.00.01.0000", (LAYANAN_PUBLIK,), (RencanaPks(68, 72, 3),), (
        Layanan(NIK, WP, "Verifikasi identitas peserta pelatihan dan uji kompetensi", 110, peluang=0.7),
    )),
    # Badan Penelitian dan Pengembangan
    Profil("5.05.0.00.0.00.01.0000", (PERENCANAAN,), (RencanaPks(12, -30, 3),), (
        Layanan(DK, PT, "Data agregat kependudukan untuk kajian kebijakan daerah", 600, peluang=0.3),
    )),
    # Inspektorat Daerah Provinsi
    Profil("6.01.0.00.0.00.01.0000", (HUKUM,), (RencanaPks(115, 1400),), (
        Layanan(NIK, WP, "Verifikasi identitas pihak terkait dalam pemeriksaan pengaduan masyarakat", 20, 0.45),
    )),
    # Badan Kesatuan Bangsa dan Politik
    Profil("8.01.0.00.0.00.01.0000", (DEMOKRASI, LAYANAN_PUBLIK), (RencanaPks(81, 820),), (
        Layanan(NIK, WP, "Verifikasi identitas pengurus organisasi kemasyarakatan", 60, peluang=0.7),
        Layanan(DK, PT, "Data agregat penduduk usia pemilih untuk pendidikan politik", 400, peluang=0.2),
    )),
    # Biro Pemerintahan dan Otonomi Daerah
    Profil("4.01.BIRO.01", (PERENCANAAN, LAYANAN_PUBLIK), (RencanaPks(106, 1050),), (
        Layanan(DK, PT, "Data agregat penduduk per wilayah untuk penegasan batas daerah", 300, peluang=0.25),
    )),
    # Biro Hukum
    Profil("4.01.BIRO.02", (HUKUM, LAYANAN_PUBLIK), (RencanaPks(75, 680, 3),), (
        Layanan(NIK, WP, "Verifikasi identitas pemohon bantuan hukum bagi masyarakat miskin", 30, peluang=0.5),
    )),
    # Biro Kesejahteraan Rakyat: satu layanan dicatat tanpa menyebut PKS (temuan).
    Profil("4.01.BIRO.03", (LAYANAN_PUBLIK, ANGGARAN), (RencanaPks(38, 390),), (
        Layanan(NIK, WP, "Verifikasi penerima beasiswa dan bantuan keagamaan", 650, musim={8: 2, 9: 2.5}),
        Layanan(NIK, PT, "Verifikasi penerima insentif guru mengaji dan garin", 200, 0.3, tanpa_pks=True),
    )),
    # Biro Pengadaan Barang dan Jasa
    Profil("4.01.BIRO.05", (LAYANAN_PUBLIK,), (RencanaPks(59, 560, 3),), (
        Layanan(NIK, WP, "Verifikasi identitas pengurus penyedia barang/jasa", 90, peluang=0.6),
    )),
    # Biro Administrasi Pimpinan: PKS sudah lama berakhir; tidak ada pemanfaatan dalam 12 bulan terakhir.
    Profil("4.01.BIRO.09", (LAYANAN_PUBLIK,), (RencanaPks(19, -400, 3),), (
        Layanan(DK, PT, "Data agregat kependudukan untuk bahan kunjungan kerja pimpinan", 150, peluang=0.3),
    )),
)  # fmt: skip
