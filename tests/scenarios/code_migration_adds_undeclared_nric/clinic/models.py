from django.db import models


class Patient(models.Model):
    full_name = models.CharField("Full name", max_length=120)
    date_of_birth = models.DateField("Date of birth")
    # datamin: ignore[DM100] copied from the referral letter for the doctor only; reviewed 2026-11
    referral_note = models.TextField("Medical history", blank=True)
