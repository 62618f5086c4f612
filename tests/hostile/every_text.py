# Adds TEXT to every text value of every YAML file under content/ and indicators/, except
# values that name or date something (ids, references, dates, codes), which must stay valid,
# and Easy Read text (its own rules) unless TEXT holds a link or picture. Fails unless it
# changed EXPECTED values, so a value cannot silently drop out of the test.
#   python3 every_text.py TEXT EXPECTED
import os, sys, yaml
text, expected = sys.argv[1], int(sys.argv[2])
keep = {"id", "item", "lead", "subgroup", "covers", "rag", "tier", "due", "date", "kind", "number",
        "polarity", "value_type", "fingertips_id", "area_code", "link", "email", "picture", "site_url",
        "indicators", "annual", "example", "multiplier"}
count = 0
def walk(node, key=None, easy=False):
    global count
    if isinstance(node, dict):
        return {k: walk(v, k, easy or k == "easy_read") for k, v in node.items()}
    if isinstance(node, list):
        return [walk(v, key, easy) for v in node]
    # Easy Read text has its own rules (short sentences, no abbreviations); links are checked there too.
    if isinstance(node, str) and key not in keep and (not easy or "[" in text):
        count += 1
        return node.rstrip("\n") + " " + text
    return node
for top in ("content", "indicators"):
    for dirpath, _, files in os.walk(top):
        for f in sorted(files):
            if not f.endswith(".yaml"): continue
            p = os.path.join(dirpath, f)
            data = yaml.safe_load(open(p))
            with open(p, "w") as out:
                yaml.safe_dump(walk(data), out, allow_unicode=True, sort_keys=False, width=1000)
if count != expected:
    sys.exit(f"changed {count} values, expected {expected}")
