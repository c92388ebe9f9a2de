/** A letter's HTML shown inside the page, isolated from the console's styles and scripts. */
export function LetterFrame({ title, html }: { title: string; html: string }) {
  return (
    <iframe
      title={title}
      sandbox=""
      srcDoc={html}
      style={{ width: '100%', height: 380, border: '1px solid #d9d9d9', background: '#fff' }}
    />
  );
}
