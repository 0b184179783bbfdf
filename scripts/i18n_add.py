#!/usr/bin/env python3
"""Adds or replaces texts in every language at once.

Usage: python3 scripts/i18n_add.py FILE

FILE is a JSON object {"key": {"en": text, "ru": text, "zh": text}, ...}; a plural's text is an object of its forms
(English one/other, Russian one/few/many/other, Chinese other). Each i18n/<lang>.json is rewritten with its keys
sorted, two-space indented, UTF-8 as it is. `cargo test --test i18n` then checks that every language has every text.
"""
import json,sys
new=json.load(open(sys.argv[1]))
for lang in ['en','ru','zh']:
    p=f'i18n/{lang}.json'
    d=json.load(open(p))
    for k,v in new.items():
        d[k]=v[lang]
    with open(p,'w') as f:
        json.dump(dict(sorted(d.items())), f, ensure_ascii=False, indent=2); f.write('\n')
