# Runs in the copied project folder before the command.
set -e
sed -i '0,/^board:/s//site_url: "javascript:alert(1)"\nboard:/' content/minimal/place.yaml
