#!/usr/bin/env python3
"""Adds or replaces texts in every language at once.

Usage: python3 scripts/i18n_add.py FILE

FILE is a JSON object {"key": {"en": text, "ru": text, "zh": text}, ...}; a plural's text is an object of its forms
(English one/other, Russian one/few/many/other, Chinese other). Each i18n/<lang>.json is rewritten with its keys
sorted, two-space indented, UTF-8 as it is. The translations given are of the English given, so the fingerprint of
that English is recorded for them in i18n/translated-from.json (as `tests/i18n.rs` computes it). `cargo test --test
i18n` then checks that every language has every text, and that each translation follows the current English.
"""
import json
import sys

LANGS = ['en', 'ru', 'zh']


def fingerprint(value):
    """FNV-1a, 64 bits, hex, of the text's forms in the order of their names: name, NUL, text, NUL each."""
    forms = sorted(value.items()) if isinstance(value, dict) else [('', value)]
    digest = 0xcbf29ce484222325
    for form, text in forms:
        for byte in form.encode() + b'\0' + text.encode() + b'\0':
            digest = ((digest ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f'{digest:016x}'


def write(path, data):
    with open(path, 'w', encoding='utf-8') as file:
        json.dump(data, file, ensure_ascii=False, indent=2)
        file.write('\n')


new = json.load(open(sys.argv[1], encoding='utf-8'))
for lang in LANGS:
    path = f'i18n/{lang}.json'
    texts = json.load(open(path, encoding='utf-8'))
    for key, value in new.items():
        texts[key] = value[lang]
    write(path, dict(sorted(texts.items())))
path = 'i18n/translated-from.json'
recorded = json.load(open(path, encoding='utf-8'))
for lang in LANGS[1:]:
    prints = recorded.setdefault(lang, {})
    for key, value in new.items():
        prints[key] = fingerprint(value['en'])
    recorded[lang] = dict(sorted(prints.items()))
write(path, recorded)
