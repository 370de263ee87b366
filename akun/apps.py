from django.apps import AppConfig


class AkunConfig(AppConfig):
    name = "akun"
    verbose_name = "Akun dan peran"

    def ready(self) -> None:
        from akun import checks  # noqa: F401  (mendaftarkan pemeriksaan sistem)
