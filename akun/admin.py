from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from akun.forms import PenggunaChangeForm, PenggunaCreationForm
from akun.models import Pengguna


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    form = PenggunaChangeForm
    add_form = PenggunaCreationForm
    list_display = ["username", "nama", "nip", "jabatan", "daftar_peran_tampil", "is_active"]
    list_filter = ["groups", "is_active", "is_staff", "is_superuser"]
    search_fields = ["username", "nama", "nip", "email", "jabatan"]
    ordering = ["nama"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Data pegawai", {"fields": ["nama", "email", "nip", "jabatan", "pangkat_golongan"]}),
        ("Peran dan hak akses", {"fields": ["is_active", "groups", "is_staff", "is_superuser", "user_permissions"]}),
        ("Waktu penting", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "nama", "email", "nip", "jabatan", "pangkat_golongan", "password1", "password2"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="Peran")
    def daftar_peran_tampil(self, obj: Pengguna) -> str:
        return ", ".join(g.name for g in obj.groups.all())
