#!/usr/bin/env python3
"""Prints the ConfigMap and Secrets the Kubernetes manifests (target/kubernetes/kubernetes.yml) expect, as one YAML
(JSON) list for `kubectl apply -f -`:

  pos-unbind-rules      ConfigMap: the rules folder as rules.tar.gz, which the init container unpacks (a ConfigMap
                        holds files, not folders)
  pos-unbind-users      Secret: the users file (name:bcrypt-hash:role,role lines; java -jar ... hash-password)
  pos-unbind-audit-key  Secret: the audit signing key (java -jar ... new-audit-key FILE)
  pos-unbind-db         Secret: the PostgreSQL URL, user and password, as the service's environment
  pos-unbind-session    Secret: the key every replica encrypts the console's session cookies with (made here,
                        random), as the service's environment

  deploy/kubernetes/make-config.py --rules rules --users users --audit-key audit-signing-key \\
      --db-url jdbc:postgresql://postgres:5432/unbind --db-user unbind  (password from UNBIND_DB_PASSWORD) \\
      | kubectl apply -f -

Standard library only; docs/operations.md.
"""
import argparse
import base64
import io
import json
import os
import secrets
import sys
import tarfile


def rules_archive(folder):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode='w:gz') as tar:
        for base, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
            for name in sorted(files):
                if name.startswith('.'):
                    continue
                path = os.path.join(base, name)
                info = tar.gettarinfo(path, arcname=os.path.relpath(path, folder))
                info.uid = info.gid = 0
                info.uname = info.gname = ''
                info.mtime = 0
                with open(path, 'rb') as f:
                    tar.addfile(info, f)
    return buffer.getvalue()


def labels():
    return {'app.kubernetes.io/part-of': 'pos-unbind', 'app.kubernetes.io/name': 'pos-unbind-service'}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--rules', required=True)
    parser.add_argument('--users', required=True)
    parser.add_argument('--audit-key', required=True)
    parser.add_argument('--db-url', required=True)
    parser.add_argument('--db-user', required=True)
    parser.add_argument('--namespace')
    args = parser.parse_args()
    password = os.environ.get('UNBIND_DB_PASSWORD')
    if password is None:
        sys.exit('set UNBIND_DB_PASSWORD to the database password')
    archive = rules_archive(args.rules)
    if len(archive) > 900 * 1024:
        sys.exit('the rules archive is %d bytes; a ConfigMap holds at most 1 MiB' % len(archive))

    def meta(name):
        m = {'name': name, 'labels': labels()}
        if args.namespace:
            m['namespace'] = args.namespace
        return m

    def read(path):
        with open(path, 'rb') as f:
            return base64.b64encode(f.read()).decode()

    items = [
        {'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': meta('pos-unbind-rules'),
         'binaryData': {'rules.tar.gz': base64.b64encode(archive).decode()}},
        {'apiVersion': 'v1', 'kind': 'Secret', 'type': 'Opaque', 'metadata': meta('pos-unbind-users'),
         'data': {'users': read(args.users)}},
        {'apiVersion': 'v1', 'kind': 'Secret', 'type': 'Opaque', 'metadata': meta('pos-unbind-audit-key'),
         'data': {'audit-signing-key': read(args.audit_key)}},
        {'apiVersion': 'v1', 'kind': 'Secret', 'type': 'Opaque', 'metadata': meta('pos-unbind-db'),
         'stringData': {'QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL': args.db_url,
                        'QUARKUS_DATASOURCE_POSTGRESQL_USERNAME': args.db_user,
                        'QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD': password}},
        {'apiVersion': 'v1', 'kind': 'Secret', 'type': 'Opaque', 'metadata': meta('pos-unbind-session'),
         'stringData': {'QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY': secrets.token_urlsafe(32)}},
    ]
    json.dump({'apiVersion': 'v1', 'kind': 'List', 'items': items}, sys.stdout, indent=2)
    print()


if __name__ == '__main__':
    main()
