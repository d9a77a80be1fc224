import type { RequestHandler } from 'express';

/**
 * The page at `/` until the add-in is built: what this server is and where its API is. Static text, no
 * script, nothing from the request echoed back.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Throughline engine</title>
</head>
<body>
<h1>Throughline engine</h1>
<p>This server links an agency's budget to its strategic plan: send it a budget workbook and it returns the
performance-budget crosswalk (resources by strategic goal, the crosswalk matrix and detail, full cost with
support costs allocated, and cost per outcome), with every problem reported at its cell.</p>
<ul>
<li><a href="/api/v1">/api/v1</a>: the API's endpoints and what each does.</li>
<li><a href="/api/v1/health">/api/v1/health</a>: is the server up?</li>
<li><a href="/api/v1/openapi.json">/api/v1/openapi.json</a>: the API, described in OpenAPI 3.1.</li>
</ul>
<p>To run the crosswalk on a workbook from the command line:</p>
<pre>curl -F file=@budget.xlsx &lt;this server&gt;/api/v1/workbook --create-dirs -o out/budget-crosswalk.xlsx</pre>
<p>The Excel task pane will be served here once it is built (<code>addin/dist</code>).</p>
</body>
</html>
`;

export function landingPage(): RequestHandler {
  return (_req, res) => {
    res.type('html').send(PAGE);
  };
}
