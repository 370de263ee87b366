from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = "Laporan kinerja (siklus SOP)"

    def ready(self) -> None:
        from laporan import checks  # noqa: F401  (mendaftarkan pemeriksaan sistem)
