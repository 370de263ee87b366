import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pemanfaatan.impor.services import impor_kedaluwarsa_batalkan


class Command(BaseCommand):
    help = (
        "Membatalkan pratinjau impor Excel yang tidak dikonfirmasi dalam N hari dan menghapus berkas unggahannya. "
        "Jadwalkan tiap malam (cron/systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hari", type=int, default=7, help="Umur pratinjau yang dibatalkan (bawaan 7 hari).")

    def handle(self, *args, **options):
        hari = options["hari"]
        if hari < 1:
            raise CommandError("--hari sedikitnya 1: pratinjau yang baru diunggah mungkin sedang diperiksa Staf.")
        banyak = impor_kedaluwarsa_batalkan(sebelum=timezone.now() - datetime.timedelta(days=hari))
        self.stdout.write(f"{banyak} pratinjau impor yang lebih tua dari {hari} hari dibatalkan; berkasnya dihapus.")
