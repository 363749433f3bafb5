#!/usr/bin/env python3
"""The installed aws CLI with the two output formats it lacks: `--output yaml` and `--output yaml-stream`.

Version 1 of the aws CLI (the one installed here) has json, text and table; version 2 added the YAML
formats. This runs version 1 unchanged, with formatters for those two names that do what version 2's do:
ruamel.yaml with typ="safe" (so libyaml's emitter, through ruamel.yaml.clib) in block style, a bare
scalar written as one line of JSON, nothing for an empty object; yaml-stream writes each page (or the one
response) as a one-item list, the request id removed and --query applied to each page on its own.

Exit 77 when ruamel.yaml or its C emitter cannot be imported (Debian: python3-ruamel.yaml
python3-ruamel.yaml.clib).
"""
import json
import sys

try:
    from ruamel.yaml import YAML
except ImportError:
    sys.path.append("/usr/lib/python3/dist-packages")  # where Debian's python3-ruamel.yaml lives
    try:
        from ruamel.yaml import YAML
    except ImportError:
        sys.exit(77)
# The CLI's ruamel.yaml writes through libyaml (ruamel.yaml.clib); its pure-Python emitter, used when the
# C extension cannot load (say, built for another Python), writes some text differently.
if YAML(typ="safe").Emitter.__name__ != "CEmitter":
    sys.exit(77)

import awscli.clidriver
import awscli.formatter
from awscli.utils import json_encoder


def dump(value, stream):
    if value is None or isinstance(value, (bool, int, float, str)):
        json.dump(value, stream, ensure_ascii=False, default=json_encoder)
        stream.write("\n")
        return
    yaml = YAML(typ="safe")
    yaml.encoding = None
    yaml.representer.default_flow_style = False
    yaml.dump(value, stream)


class YamlFormatter(awscli.formatter.FullyBufferedFormatter):
    def _format_response(self, command_name, response, stream):
        if response != {}:
            dump(response, stream)


class YamlStreamFormatter(awscli.formatter.Formatter):
    def __call__(self, command_name, response, stream=None):
        stream = stream or self._get_default_stream()
        paginated = awscli.formatter.is_response_paginated(response)
        for page in (response if paginated else [response]):
            self._remove_request_id(page)
            if self._args.query is not None:
                page = self._args.query.search(page)
            if paginated or page != {}:
                dump([page], stream)
        self._flush_stream(stream)


def get_formatter(output, args):
    if output == "yaml":
        return YamlFormatter(args)
    if output == "yaml-stream":
        return YamlStreamFormatter(args)
    return awscli.formatter.get_formatter(output, args)


def main():
    awscli.clidriver.get_formatter = get_formatter
    cli_data = awscli.clidriver.CLIDriver._get_cli_data

    def with_yaml_choices(self):
        data = cli_data(self)
        choices = data["options"]["output"]["choices"]
        choices += [c for c in ("yaml", "yaml-stream") if c not in choices]
        return data

    awscli.clidriver.CLIDriver._get_cli_data = with_yaml_choices
    return awscli.clidriver.main()


if __name__ == "__main__":
    sys.exit(main())
