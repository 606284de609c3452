/**
 * The one stylesheet, inline in every page and allowed by its hash in the Content-Security-Policy
 * (so no `unsafe-inline`, and no second request). Mobile-first: one column from 320 px, wider
 * margins from 48em; DejaVu Sans first because it has every Vietnamese glyph on the servers and
 * phones we test, with the platform fonts after it. Colours pass WCAG AA contrast (≥ 4.5:1).
 */
import { createHash } from 'node:crypto';

export const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:"DejaVu Sans","Noto Sans","Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0}
a{color:#0b4f9c}
a:hover{color:#062f5f}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#0b4f9c;padding:.5rem 1rem;z-index:1}
.skip:focus{left:.5rem;top:.5rem}
header.site{background:#8b1a1a;color:#fff;padding:.75rem 1rem}
header.site a{color:#fff}
.brand{margin:0;font-size:1.05rem;font-weight:700}
.brand small{display:block;font-weight:400;font-size:.85rem}
nav.main ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.main a{display:inline-block;padding:.25rem 0}
main{padding:1rem;max-width:60rem;margin:0 auto}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
dl.facts{display:grid;grid-template-columns:1fr;gap:.15rem 1rem;margin:0}
dl.facts dt{font-weight:700;color:#3d3d3d}
dl.facts dd{margin:0 0 .5rem}
.status{display:inline-block;padding:.1rem .5rem;border:2px solid #0b4f9c;border-radius:.25rem;font-weight:700}
.late{border-color:#a4000f;color:#a4000f}
ol.steps,ul.plain{padding-left:1.25rem}
ol.steps li{margin:.35rem 0}
.muted{color:#4f4f4f}
form.lookup{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:1rem 0}
form.lookup div{flex:1 1 14rem}
label{display:block;font-weight:700;margin-bottom:.25rem}
input[type=search],input[type=text]{width:100%;font:inherit;padding:.5rem;border:2px solid #5a5a5a;border-radius:.25rem}
button{font:inherit;padding:.5rem 1rem;border:2px solid #0b4f9c;border-radius:.25rem;background:#0b4f9c;color:#fff;cursor:pointer}
.hint{font-size:.9rem;color:#4f4f4f;margin:.25rem 0 0}
.notice{border-left:4px solid #a4000f;padding:.5rem 1rem;background:#fdf2f2}
ul.cards{list-style:none;padding:0;margin:0}
ul.cards li{border:1px solid #c9c9c9;border-radius:.25rem;padding:.75rem;margin:.5rem 0}
ul.cards h2,ul.cards h3{margin:0 0 .25rem;font-size:1.05rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #c9c9c9;padding:.35rem .5rem}
code{font-family:"DejaVu Sans Mono",monospace;font-size:.9em}
summary code,p code{overflow-wrap:anywhere}
.method{font-weight:700;font-family:"DejaVu Sans Mono",monospace}
details{margin:.25rem 0;border:1px solid #c9c9c9;border-radius:.25rem;padding:.25rem .5rem}
summary{cursor:pointer;padding:.25rem 0}
summary h3{display:inline;font-size:1rem;margin:0}
summary .muted{display:block;font-size:.9rem}
ul.cards p{margin:.25rem 0}
footer.site{border-top:1px solid #c9c9c9;padding:1rem;font-size:.9rem;color:#4f4f4f;text-align:center}
@media (min-width:48em){main{padding:1.5rem 2rem}dl.facts{grid-template-columns:14rem 1fr}dl.facts dd{margin:0}h1{font-size:1.85rem}}
@media print{header.site{background:none;color:#000}header.site a{color:#000}nav.main,.skip,form.lookup,footer.site{display:none}a{color:#000;text-decoration:none}main{max-width:none;padding:0}}
`;

const digest = createHash('sha256').update(STYLESHEET).digest('base64');

/** No script at all, no images, no plugins, no framing; the stylesheet only by its hash; forms go only here. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${digest}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
