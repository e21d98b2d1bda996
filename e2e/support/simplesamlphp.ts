import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real SAML 2.0 IdP for the tests: Debian's SimpleSAMLphp 1.19 (`apt-get install simplesamlphp php-cli`,
 * .ci/run does it) served by PHP's built-in server from a temporary directory the set-up writes: config.php,
 * an exampleauth:UserPass source whose users carry the eduPerson attributes, a hosted IdP with a key and
 * certificate made by openssl, and our SP read from the SP metadata Samspel publishes. The IdP releases the
 * attributes by OID with the URI name format, as SWAMID's IdPs do, and demands signed AuthnRequests.
 */
export const SIMPLESAMLPHP_WWW = "/usr/share/simplesamlphp/www";

export interface IdpUser {
  username: string;
  password: string;
  eduPersonPrincipalName: string;
  eduPersonUniqueID: string;
  mail: string;
  displayName: string;
  eduPersonAffiliation: string[];
}

export interface RunningIdp {
  /** http://127.0.0.1:<port> */
  url: string;
  metadataUrl: string;
  /** The IdP's private key (PEM): lets a test sign an assertion the IdP would never issue (an expired one). */
  signingKey: string;
  /**
   * Trusts our SP (its metadata as Samspel publishes it) and starts serving; the address is known before,
   * so Samspel can be configured with it first.
   */
  start(spMetadataXml: string): Promise<void>;
  log(): string;
  close(): Promise<void>;
}

export const simpleSamlPhpInstalled = () =>
  existsSync(path.join(SIMPLESAMLPHP_WWW, "saml2/idp/SSOService.php")) && existsSync("/usr/bin/php");

const php = (value: string) => `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
const phpList = (values: string[]) => `[${values.map(php).join(", ")}]`;

export async function prepareSimpleSamlPhp(users: IdpUser[]): Promise<RunningIdp> {
  if (!simpleSamlPhpInstalled())
    throw new Error(
      "SimpleSAMLphp is missing: apt-get install -y simplesamlphp php-cli (.ci/run installs it)",
    );
  const dir = mkdtempSync(path.join(tmpdir(), "samspel-idp-"));
  for (const sub of ["config", "metadata", "cert", "log", "data", "tmp", "sessions"])
    mkdirSync(path.join(dir, sub));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const entityId = `${url}/saml2/idp/metadata.php`;
  execFileSync(
    "openssl",
    [
      ...[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=SimpleSAMLphp test IdP",
      ],
      ...["-keyout", path.join(dir, "cert/idp.key"), "-out", path.join(dir, "cert/idp.crt")],
    ],
    { stdio: "ignore" },
  );
  const secret = Math.random().toString(36).slice(2) + Date.now().toString(36);
  writeFileSync(
    path.join(dir, "config/config.php"),
    `<?php
$config = [
  'baseurlpath' => ${php(`${url}/`)},
  'certdir' => ${php(`${dir}/cert/`)},
  'loggingdir' => ${php(`${dir}/log/`)},
  'datadir' => ${php(`${dir}/data/`)},
  'tempdir' => ${php(`${dir}/tmp`)},
  'metadatadir' => ${php(`${dir}/metadata/`)},
  'attributenamemapdir' => '/etc/simplesamlphp/attributemap/',
  'technicalcontact_name' => 'Samspel test',
  'technicalcontact_email' => 'test@example.org',
  'timezone' => 'UTC',
  'secretsalt' => ${php(secret)},
  'auth.adminpassword' => ${php(secret)},
  'admin.protectindexpage' => false,
  'admin.protectmetadata' => false,
  'admin.checkforupdates' => false,
  'enable.saml20-idp' => true,
  'module.enable' => ['exampleauth' => true, 'core' => true, 'saml' => true, 'admin' => true],
  'logging.level' => SimpleSAML\\Logger::INFO,
  'logging.handler' => 'file',
  'logging.logfile' => 'simplesamlphp.log',
  'showerrors' => true,
  'errorreporting' => false,
  'production' => false,
  'session.cookie.secure' => false,
  'session.cookie.samesite' => null,
  'session.phpsession.savepath' => ${php(`${dir}/sessions`)},
  'language.cookie.secure' => false,
  'language.default' => 'en',
  'store.type' => 'phpsession',
  'trusted.url.domains' => ['127.0.0.1', 'localhost'],
  'metadata.sources' => [
    ['type' => 'flatfile'],
    ['type' => 'xml', 'file' => ${php(`${dir}/metadata/sp.xml`)}],
  ],
];
`,
  );
  const userEntries = users
    .map(
      (u) => `    ${php(`${u.username}:${u.password}`)} => [
      'uid' => ${phpList([u.username])},
      'eduPersonPrincipalName' => ${phpList([u.eduPersonPrincipalName])},
      'eduPersonUniqueID' => ${phpList([u.eduPersonUniqueID])},
      'mail' => ${phpList([u.mail])},
      'displayName' => ${phpList([u.displayName])},
      'eduPersonAffiliation' => ${phpList(u.eduPersonAffiliation)},
    ],`,
    )
    .join("\n");
  writeFileSync(
    path.join(dir, "config/authsources.php"),
    `<?php
$config = [
  'admin' => ['core:AdminPassword'],
  'example-userpass' => [
    'exampleauth:UserPass',
${userEntries}
  ],
];
`,
  );
  writeFileSync(
    path.join(dir, "metadata/saml20-idp-hosted.php"),
    `<?php
$metadata[${php(entityId)}] = [
  'host' => '__DEFAULT__',
  'privatekey' => 'idp.key',
  'certificate' => 'idp.crt',
  'auth' => 'example-userpass',
  'validate.authnrequest' => true,
  'validate.logout' => true,
  'sign.logout' => true,
  'saml20.sign.assertion' => true,
  'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
  'authproc' => [
    100 => ['class' => 'core:AttributeMap', 'name2oid', 'eduPersonUniqueID' => 'urn:oid:1.3.6.1.4.1.5923.1.1.1.13'],
  ],
];
`,
  );
  writeFileSync(path.join(dir, "metadata/saml20-sp-remote.php"), "<?php\n");
  let server: ChildProcess | undefined;
  let output = "";
  const log = () => {
    const file = path.join(dir, "log/simplesamlphp.log");
    return `${existsSync(file) ? readFileSync(file, "utf8") : ""}\n${output}`;
  };
  return {
    url,
    metadataUrl: `${url}/saml2/idp/metadata.php`,
    signingKey: readFileSync(path.join(dir, "cert/idp.key"), "utf8"),
    async start(spMetadataXml) {
      writeFileSync(path.join(dir, "metadata/sp.xml"), spMetadataXml);
      server = spawn(
        "php",
        ["-d", `session.save_path=${dir}/sessions`, "-S", `127.0.0.1:${port}`, "-t", SIMPLESAMLPHP_WWW],
        {
          env: { ...process.env, SIMPLESAMLPHP_CONFIG_DIR: path.join(dir, "config") },
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      server.stderr?.on("data", (chunk) => {
        output = (output + chunk).slice(-20_000);
      });
      await waitFor(`${url}/saml2/idp/metadata.php`, log);
    },
    log,
    async close() {
      if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server?.once("exit", resolve));
        server.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(url: string, log: () => string) {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok && (await response.text()).includes("IDPSSODescriptor")) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`SimpleSAMLphp did not answer ${url}:\n${log()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** A fresh RSA key and self-signed certificate (PEM), made by openssl: the SP's signing pair in tests. */
export function selfSignedPair(commonName: string): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "samspel-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${commonName}`],
        ...["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")],
      ],
      { stdio: "ignore" },
    );
    return {
      key: readFileSync(path.join(dir, "key.pem"), "utf8"),
      cert: readFileSync(path.join(dir, "cert.pem"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
