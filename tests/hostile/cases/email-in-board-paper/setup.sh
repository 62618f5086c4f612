# Runs in the copied project folder before the command.
set -e
sed -i 's/      email: alex@example.org/      email: "alex@example.org?bcc=all@example.org"/' content/minimal/cycles/2024-06.yaml
sed -i 's/    email: pat.officer@example.org/    email: "javascript:alert(1)\/\/@example.org"/' content/minimal/place.yaml
grep -q 'bcc=' content/minimal/cycles/2024-06.yaml
grep -q 'javascript:' content/minimal/place.yaml
