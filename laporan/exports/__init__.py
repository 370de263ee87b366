"""Keluaran Laporan: sumber baris, Excel (openpyxl), PDF (reportlab), dan arsip bahan LAKIP Dinas."""
