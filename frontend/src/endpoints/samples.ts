/** Ready-to-paste client code for an endpoint: curl, Python (requests, urllib) and C# (HttpClient). */

export interface SampleInput {
  uri: string;
  key: string;
  /** The request body as JSON text. */
  body: string;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlSample({ uri, key, body }: SampleInput): string {
  return [
    `curl -X POST ${shellQuote(uri)} \\`,
    `  -H ${shellQuote(`Authorization: Bearer ${key}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join("\n");
}

/** A raw triple-quoted Python string: JSON text never holds an unescaped `"""`. */
const pythonJson = (body: string) => `r"""\n${body}\n"""`;

export function pythonRequestsSample({ uri, key, body }: SampleInput): string {
  return `import json

import requests

url = ${JSON.stringify(uri)}
api_key = ${JSON.stringify(key)}
body = json.loads(${pythonJson(body)})

response = requests.post(url, json=body, headers={"Authorization": f"Bearer {api_key}"}, timeout=30)
print(response.status_code)
print(response.json())
`;
}

export function pythonUrllibSample({ uri, key, body }: SampleInput): string {
  return `import json
import urllib.error
import urllib.request

url = ${JSON.stringify(uri)}
api_key = ${JSON.stringify(key)}
body = ${pythonJson(body)}

request = urllib.request.Request(
    url,
    data=body.encode("utf-8"),
    headers={"Content-Type": "application/json", "Authorization": "Bearer " + api_key},
)
try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print(json.loads(response.read()))
except urllib.error.HTTPError as error:
    print(error.code, error.read().decode("utf-8"))
`;
}

export function csharpSample({ uri, key, body }: SampleInput): string {
  return `using System.Net.Http.Headers;
using System.Text;

using var client = new HttpClient();
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ${JSON.stringify(key)});

var body = """
${body}
""";
using var content = new StringContent(body, Encoding.UTF8, "application/json");
var response = await client.PostAsync(${JSON.stringify(uri)}, content);
Console.WriteLine((int)response.StatusCode);
Console.WriteLine(await response.Content.ReadAsStringAsync());
`;
}

export const SAMPLES = [
  { label: "curl", build: curlSample },
  { label: "Python (requests)", build: pythonRequestsSample },
  { label: "Python (urllib)", build: pythonUrllibSample },
  { label: "C# (HttpClient)", build: csharpSample },
] as const;
