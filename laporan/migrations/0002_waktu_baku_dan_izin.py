from django.contrib.auth.management import create_permissions
from django.db import migrations

# Waktu baku SOP (menit) saat aplikasi dipasang. Dibekukan di sini; perubahan lewat admin.
WAKTU_BAKU_SOP = {1: 10, 2: 10, 3: 120, 4: 15, 5: 120, 6: 180, 7: 15}

BACA = ["view"]
KELOLA = ["view", "add", "change", "delete"]
IZIN_PERAN = {
    "Kabid": {"laporan": ["view", "add"], "iku": KELOLA, "targetiku": KELOLA},
    "Kasi KIP": {"laporan": BACA, "iku": BACA, "targetiku": BACA},
    "Staf": {"laporan": BACA, "iku": BACA, "targetiku": BACA},
    "Sekretariat": {"laporan": BACA, "iku": BACA, "targetiku": BACA},
}


def isi(apps, schema_editor):
    WaktuBaku = apps.get_model("laporan", "WaktuBaku")
    for nomor, menit in WAKTU_BAKU_SOP.items():
        WaktuBaku.objects.get_or_create(nomor=nomor, defaults={"menit": menit})

    app_config = apps.get_app_config("laporan")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for nama_peran, izin_model in IZIN_PERAN.items():
        peran, _ = Group.objects.get_or_create(name=nama_peran)
        for model, aksi in izin_model.items():
            peran.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="laporan", codename__in=[f"{a}_{model}" for a in aksi]
                )
            )


class Migration(migrations.Migration):
    dependencies = [("laporan", "0001_initial"), ("akun", "0002_peran")]
    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
