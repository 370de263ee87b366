"""Dasbor kinerja: indikator Daftar, pantauan PKS dan kepatuhan SOP untuk satu tahun.

Setiap angka dihitung dengan agregat basis data (banyak kueri tetap, berapa pun banyaknya baris) dan membawa
tautan ke catatan di belakangnya: Daftar, daftar OPD atau daftar PKS yang sudah tersaring.
"""
