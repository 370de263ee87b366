from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from akun.validators import format_nip, validasi_nip


class Peran(models.TextChoices):
    """Peran dalam SOP; masing-masing adalah satu Group Django dengan nama yang sama."""

    KABID = "Kabid", "Kepala Bidang PIAK dan Pemanfaatan Data"
    KASI_KIP = "Kasi KIP", "Kepala Seksi Kerjasama dan Inovasi Pelayanan"
    STAF = "Staf", "Staf Seksi Kerjasama dan Inovasi Pelayanan"
    SEKRETARIAT = "Sekretariat", "Sekretariat Dinas"


class Pengguna(AbstractUser):
    first_name = None
    last_name = None
    nama = models.CharField("nama lengkap", max_length=150)
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        validators=[validasi_nip],
        help_text="18 angka, boleh dikosongkan untuk non-ASN.",
    )
    jabatan = models.CharField(max_length=200, blank=True)
    pangkat_golongan = models.CharField("pangkat/golongan", max_length=100, blank=True)

    REQUIRED_FIELDS = ["email", "nama"]

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        ordering = ["nama", "username"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"],
                condition=~Q(nip=""),
                name="pengguna_nip_unik",
                violation_error_message="NIP ini sudah dipakai pengguna lain.",
            ),
        ]

    def __str__(self) -> str:
        return self.nama or self.username

    def get_full_name(self) -> str:
        return self.nama

    def get_short_name(self) -> str:
        return self.nama.split(" ")[0] if self.nama else self.username

    @property
    def nip_tampil(self) -> str:
        return format_nip(self.nip)

    @property
    def daftar_peran(self) -> list[str]:
        """Nama peran yang dipegang pengguna (dibaca sekali per permintaan)."""
        if not hasattr(self, "_daftar_peran"):
            self._daftar_peran = sorted(self.groups.values_list("name", flat=True))
        return self._daftar_peran

    def punya_peran(self, *peran: Peran) -> bool:
        return any(p in self.daftar_peran for p in peran)
