from uuid import UUID

from django.shortcuts import get_object_or_404

from akun.akses import pastikan_izin
from akun.models import Pengguna
from pemanfaatan.models import ImporPemanfaatan, StatusImpor


def impor_get(*, user: Pengguna, pk: UUID) -> ImporPemanfaatan:
    """Langkah 3: impor milik Staf yang mengunggahnya; pengguna lain mendapat 404."""
    pastikan_izin(user, "pemanfaatan.add_pemanfaatan")
    return get_object_or_404(ImporPemanfaatan, pk=pk, dibuat_oleh=user)


def impor_list_pratinjau(*, user: Pengguna) -> list[ImporPemanfaatan]:
    """Impor milik pengguna yang masih menunggu konfirmasi, terbaru dulu (tanpa memuat hasil per baris)."""
    pastikan_izin(user, "pemanfaatan.add_pemanfaatan")
    return list(ImporPemanfaatan.objects.filter(dibuat_oleh=user, status=StatusImpor.PRATINJAU).defer("hasil")[:10])
