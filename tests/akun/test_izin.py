"""Izin dibaca dalam satu kueri per permintaan, dari peran dan dari izin langsung, tanpa tembolok lintas permintaan."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from akun.models import Pengguna, Peran

pytestmark = pytest.mark.django_db


def izin(kode: str) -> Permission:
    app, codename = kode.split(".")
    return Permission.objects.get(content_type__app_label=app, codename=codename)


def segar(pengguna: Pengguna) -> Pengguna:
    """Pengguna seperti dimuat permintaan berikutnya (tanpa izin yang tersimpan di objek)."""
    return Pengguna.objects.get(pk=pengguna.pk)


def test_izin_peran_dan_izin_langsung_dalam_satu_kueri(staf):
    staf.user_permissions.add(izin("laporan.view_iku"))
    pengguna = segar(staf)
    with CaptureQueriesContext(connection) as kueri:
        assert pengguna.has_perm("pemanfaatan.add_pemanfaatan")  # dari peran Staf
        assert pengguna.has_perm("laporan.view_iku")  # izin langsung
        assert not pengguna.has_perm("laporan.change_waktubaku")
        assert pengguna.has_perms(["pemanfaatan.view_pemanfaatan", "pemanfaatan.view_opd"])
    assert len(kueri) == 1
    peran = set(Permission.objects.filter(group__name=Peran.STAF).values_list("content_type__app_label", "codename"))
    assert pengguna.get_all_permissions() == {f"{a}.{k}" for a, k in peran} | {"laporan.view_iku"}


def test_peran_yang_dicabut_berlaku_pada_permintaan_berikutnya(staf):
    assert segar(staf).has_perm("pemanfaatan.add_pemanfaatan")
    staf.groups.clear()
    assert not segar(staf).has_perm("pemanfaatan.add_pemanfaatan")
    assert segar(staf).get_all_permissions() == set()


def test_pengguna_nonaktif_tanpa_izin_dan_superuser_semua_izin(staf):
    staf.is_active = False
    staf.save()
    assert segar(staf).get_all_permissions() == set()
    admin = Pengguna.objects.create_superuser(username="admin", password="sandi-admin-yang-panjang", nama="Admin")
    assert len(segar(admin).get_all_permissions()) == Permission.objects.count()


def test_izin_dua_peran_digabung(kasi):
    kasi.groups.add(Group.objects.get(name=Peran.STAF))
    pengguna = segar(kasi)
    assert pengguna.has_perm("pemanfaatan.add_pemanfaatan")  # Staf
    assert pengguna.has_perm("laporan.view_laporan")  # Kasi KIP
