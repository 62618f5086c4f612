# Runs in the copied project folder before the command. ../outside is beside the project.
set -e
mkdir -p ../outside
cp -r content/minimal ../outside/place
cp indicators/definitions.yaml ../outside/definitions.yaml
ln -s "$PWD/../outside/place" content/other
ln -s /etc/hostname content/minimal/pages/05-host.yaml
mkdir -p content/minimal/templates/html
ln -s /etc/hostname content/minimal/templates/html/page.mustache
ln -s /etc/passwd content/minimal/templates/assets/pictures/passwd.svg
rm indicators/definitions.yaml
ln -s ../../outside/definitions.yaml indicators/definitions.yaml
ln -s /etc/hostname templates/html/home.mustache.bak
ln -s ../../../outside content/minimal/cycles/old
