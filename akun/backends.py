"""Izin pengguna dibaca dalam satu kueri per permintaan."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class OneQueryPermissionBackend(ModelBackend):
    """ModelBackend yang membaca izin langsung dan izin peran pengguna dalam satu kueri (ModelBackend: dua).

    Menu di setiap halaman memeriksa izin. Izin tetap dibaca ulang dari basis data pada setiap permintaan
    (tidak ditembolok di luar permintaan), jadi peran yang dicabut berlaku pada permintaan berikutnya.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            izin = Permission.objects.all()
            if not user_obj.is_superuser:
                izin = izin.filter(Q(user=user_obj) | Q(group__user=user_obj))
            pasangan = izin.values_list("content_type__app_label", "codename").order_by()
            user_obj._perm_cache = {f"{app}.{kode}" for app, kode in pasangan}
        return user_obj._perm_cache
