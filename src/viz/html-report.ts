// A standalone, offline HTML report: charts embedded as data: URIs (SVG, so they stay sharp and
// their clip-path ids cannot collide), tables and text inline. No script, no stylesheet or font
// from the network: the file opens the same way years later without a connection.
import { RecordsTable, escapeHtml } from "./records-table.js";
import type { RenderedChart } from "./rendered-chart.js";

export type ReportSection =
  | { readonly kind: "chart"; readonly chart: RenderedChart; readonly caption?: string }
  | { readonly kind: "table"; readonly table: RecordsTable; readonly caption?: string }
  | { readonly kind: "text"; readonly heading?: string; readonly text: string };

export interface HtmlReport {
  readonly title: string;
  readonly sections: readonly ReportSection[];
}

export function htmlReport(report: HtmlReport): string {
  if (typeof report?.title !== "string" || !Array.isArray(report.sections)) {
    throw new TypeError("htmlReport needs {title: string, sections: ReportSection[]}");
  }
  const body = report.sections.map(renderSection).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
figure { margin: 1.5rem 0; } figcaption { color: #555; font-size: 0.9rem; }
table.qpipe-table { border-collapse: collapse; font-size: 0.9rem; }
table.qpipe-table th, table.qpipe-table td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: right; }
</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
${body}
</body>
</html>
`;
}

function renderSection(section: ReportSection): string {
  switch (section.kind) {
    case "chart": {
      const { chart } = section;
      const src = `data:image/svg+xml;base64,${Buffer.from(chart.svg, "utf8").toString("base64")}`;
      const alt = escapeHtml(chart.summary);
      return `<figure><img src="${src}" width="${chart.width}" height="${chart.height}" alt="${alt}">${caption(section.caption)}</figure>`;
    }
    case "table":
      return `<figure>${section.table.toHTML()}${caption(section.caption)}</figure>`;
    case "text":
      return `${section.heading ? `<h2>${escapeHtml(section.heading)}</h2>\n` : ""}<p>${escapeHtml(section.text)}</p>`;
    default:
      return assertNever(section);
  }
}

function caption(text: string | undefined): string {
  return text ? `<figcaption>${escapeHtml(text)}</figcaption>` : "";
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown report section ${JSON.stringify(value)}`);
}
