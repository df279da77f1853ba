from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Stay",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("booking", models.ForeignKey(on_delete=models.CASCADE, to="legacy.booking")),
            ],
        ),
    ]
