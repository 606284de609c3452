import { escapeHtml, markup, trusted } from '../../../shared/pages/html';

describe('pages/html: escaping by construction', () => {
  it('escapes every interpolated text, in content and in attributes', () => {
    const name = '<script>alert("x")</script> & \'quote\'';
    const out = markup`<h1 title="${name}">${name}</h1>`.toString();
    expect(out).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;</h1>',
    );
    expect(out).not.toContain('<script');
  });

  it('keeps markup made by markup`` as is, escapes inside lists, drops null, undefined and false', () => {
    const items = ['<b>', 'a&b'].map((t) => markup`<li>${t}</li>`);
    const list = markup`<ul>${items}</ul>${null}${undefined}${false}${0}`;
    expect(list.toString()).toBe('<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul>0');
  });

  it('a plain string that looks like markup is still text; only trusted() passes a constant through', () => {
    expect(markup`${'<i>x</i>'}`.toString()).toBe('&lt;i&gt;x&lt;/i&gt;');
    expect(markup`${trusted('<i>x</i>')}`.toString()).toBe('<i>x</i>');
    expect(escapeHtml('Đăng ký khai sinh')).toBe('Đăng ký khai sinh');
  });
});
