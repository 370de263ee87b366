"""Pemeriksaan izin di server. Tombol yang disembunyikan di templat bukan pemeriksaan."""

from django.core.exceptions import PermissionDenied


def pastikan_izin(user, izin: str) -> None:
    """Tolak (403) bila pengguna tidak memegang izin itu lewat perannya."""
    if not user.has_perm(izin):
        raise PermissionDenied("Peran Anda tidak memberi akses untuk tindakan ini.")
