from django.apps import AppConfig


class PemanfaatanConfig(AppConfig):
    name = "pemanfaatan"
    verbose_name = "Daftar pemanfaatan data kependudukan"
