from django.contrib.auth.management import create_permissions
from django.db import migrations

BACA = ["view"]
KELOLA = ["view", "add", "change", "delete"]

# Hak akses tiap peran atas data pemanfaatan. Dibekukan di sini agar migrasi stabil.
IZIN_PERAN = {
    "Kasi KIP": {"opd": KELOLA, "perjanjiankerjasama": KELOLA, "pemanfaatan": KELOLA, "datadukung": KELOLA},
    "Staf": {"opd": BACA, "perjanjiankerjasama": BACA, "pemanfaatan": KELOLA, "datadukung": KELOLA},
    "Kabid": {"opd": BACA, "perjanjiankerjasama": BACA, "pemanfaatan": BACA, "datadukung": BACA},
    "Sekretariat": {"opd": BACA, "perjanjiankerjasama": BACA, "pemanfaatan": BACA, "datadukung": BACA},
}


def beri_izin(apps, schema_editor):
    # Izin model biasanya dibuat setelah semua migrasi (post_migrate); buat sekarang.
    app_config = apps.get_app_config("pemanfaatan")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for nama_peran, izin_model in IZIN_PERAN.items():
        peran, _ = Group.objects.get_or_create(name=nama_peran)
        for model, aksi in izin_model.items():
            codenames = [f"{a}_{model}" for a in aksi]
            peran.permissions.add(
                *Permission.objects.filter(content_type__app_label="pemanfaatan", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("pemanfaatan", "0001_initial"), ("akun", "0002_peran")]
    operations = [migrations.RunPython(beri_izin, migrations.RunPython.noop)]
