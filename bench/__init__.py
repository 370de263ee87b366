"""Tolok ukur kinerja (`make bench`): setiap jalur panas diukur sebagai rasio terhadap dasar dari run yang sama."""
