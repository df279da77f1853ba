from django.db import migrations, models


def fill_weights(apps, schema_editor):
    Product = apps.get_model("shop", "Product")
    Product.objects.update(weight=0)


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0001_initial"),
    ]

    operations = [
        migrations.RenameModel("Customer", "Client"),
        migrations.RenameField(model_name="client", old_name="name", new_name="full_name"),
        migrations.AddField(model_name="product", name="weight", field=models.IntegerField(null=True)),
        migrations.RunPython(fill_weights, migrations.RunPython.noop),
        migrations.AlterField(model_name="order", name="status", field=models.CharField(max_length=20, default="new")),
    ]
