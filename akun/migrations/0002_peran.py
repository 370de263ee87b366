from django.db import migrations

# Nilai dibekukan di sini (bukan diimpor dari akun.models) agar migrasi tetap sama
# walaupun kode berubah kelak.
PERAN = ["Kabid", "Kasi KIP", "Staf", "Sekretariat"]


def buat_peran(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for nama in PERAN:
        Group.objects.get_or_create(name=nama)


class Migration(migrations.Migration):
    dependencies = [("akun", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(buat_peran, migrations.RunPython.noop)]
