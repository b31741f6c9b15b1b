from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Patient",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("full_name", models.CharField(max_length=120, verbose_name="Full name")),
                ("date_of_birth", models.DateField(verbose_name="Date of birth")),
            ],
        ),
    ]
