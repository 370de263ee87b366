"""Setiap model terdaftar di admin dan halamannya terbuka tanpa galat."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

APP_PROYEK = {"akun", "pemanfaatan", "laporan"}


def test_setiap_model_proyek_terdaftar():
    terdaftar = set(admin.site._registry)
    belum = [
        model._meta.label
        for app in APP_PROYEK
        for model in apps.get_app_config(app).get_models()
        if model not in terdaftar and not model._meta.label.split(".")[1].startswith("Historical")
    ]
    assert belum == []


@pytest.mark.parametrize("model", [m for m in admin.site._registry if m._meta.app_label in APP_PROYEK], ids=str)
def test_halaman_daftar_admin_terbuka(admin_client, model, pemanfaatan):
    info = (model._meta.app_label, model._meta.model_name)
    respons = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)))
    assert respons.status_code == 200
    respons = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "dinas"})
    assert respons.status_code == 200
