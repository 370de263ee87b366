def navigasi(request) -> dict:
    """Peran pengguna untuk menu; menu hanya tampilan, pemeriksaan izin ada di server."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"peran_pengguna": []}
    return {"peran_pengguna": user.daftar_peran}
