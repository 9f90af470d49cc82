package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/qiangxian/qiangxian/internal/table"
)

// scanner is a streaming tokenizer for the XML parts of a workbook. The
// standard encoding/xml allocates for every token (a name, an attribute
// slice, a copy of the text): it alone takes ~0.2 s and 50 MB for a sheet of
// 180,000 cells. Workbook parts use a small part of XML: elements,
// attributes, text with the five named entities and character references,
// CDATA, comments and processing instructions. That is what this reads; a
// document type declaration is an error. Names, attributes and text are
// views into buffers that the next call reuses.
type scanner struct {
	src      io.Reader
	buf      []byte
	pos, end int
	off      int64 // stream offset of buf[0], for error messages
	eof      bool
	rerr     error // the source's error other than io.EOF

	name       []byte // local name of the last start or end tag
	nameBuf    []byte
	text       []byte // the last text token, decoded
	textBuf    []byte
	attrs      []attrSpan // of the last start tag, into abuf
	abuf       []byte
	pendingEnd bool // the last start tag closed itself: an end token follows
	// maxToken bounds a name, an attribute, a text or a CDATA section, so
	// that a part padded with a gigabyte of whitespace is refused after a
	// bounded read instead of being gathered into one buffer.
	maxToken int
}

// attrSpan locates one attribute of a start tag in scanner.abuf: its prefix
// (before ":"), local name and decoded value.
type attrSpan struct{ prefix, local, value [2]int }

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

var errXMLEnd = errors.New("unexpected end of the XML")

func newScanner(r io.Reader, lim table.Limits) *scanner {
	return &scanner{src: r, buf: make([]byte, 64<<10), maxToken: tokenLimit(lim)}
}

func (s *scanner) fill() bool {
	if s.eof {
		return false
	}
	s.off += int64(s.end)
	s.pos, s.end = 0, 0
	for {
		n, err := s.src.Read(s.buf)
		s.end = n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
		}
		if n > 0 || s.eof {
			return n > 0
		}
	}
}

func (s *scanner) byte() (byte, bool) {
	if s.pos == s.end && !s.fill() {
		return 0, false
	}
	c := s.buf[s.pos]
	s.pos++
	return c, true
}

// fail reports a malformed document at the current position; a read error
// of the source (a damaged zip entry) takes precedence, as it is the cause.
func (s *scanner) fail(msg string) error {
	if s.rerr != nil {
		return s.rerr
	}
	return fmt.Errorf("malformed XML at byte %d: %s", s.off+int64(s.pos), msg)
}

func (s *scanner) failEOF() error { return s.fail(errXMLEnd.Error()) }

// next reads the next token. A self-closing tag gives a start and an end.
func (s *scanner) next() (tokKind, error) {
	if s.pendingEnd {
		s.pendingEnd = false
		return tokEnd, nil
	}
	for {
		c, ok := s.byte()
		if !ok {
			if s.rerr != nil {
				return tokEOF, s.rerr
			}
			return tokEOF, nil
		}
		if c != '<' {
			s.pos-- // byte() has just read it from this buffer
			return tokText, s.readText()
		}
		c, ok = s.byte()
		if !ok {
			return tokEOF, s.failEOF()
		}
		switch c {
		case '/':
			if err := s.readName(); err != nil {
				return tokEOF, err
			}
			c, ok = s.skipSpace()
			if !ok {
				return tokEOF, s.failEOF()
			}
			if c != '>' {
				return tokEOF, s.fail("expected > to end </" + string(s.nameBuf))
			}
			return tokEnd, nil
		case '?':
			if err := s.skipPast("?>"); err != nil {
				return tokEOF, err
			}
		case '!':
			done, err := s.readBang()
			if err != nil || done {
				return tokText, err
			}
		default:
			s.pos--
			return tokStart, s.readStart()
		}
	}
}

// readBang reads what follows "<!": a comment (skipped, done false) or a
// CDATA section (a text token, done true).
func (s *scanner) readBang() (done bool, err error) {
	var head [7]byte
	n := 0
	for n < 2 || (head[0] == '[' && n < 7) {
		c, ok := s.byte()
		if !ok {
			return false, s.failEOF()
		}
		head[n] = c
		n++
	}
	switch {
	case string(head[:2]) == "--":
		return false, s.skipPast("-->")
	case string(head[:n]) == "[CDATA[":
		s.textBuf = s.textBuf[:0]
		for {
			c, ok := s.byte()
			if !ok {
				return false, s.failEOF()
			}
			s.textBuf = append(s.textBuf, c)
			if len(s.textBuf) > s.maxToken {
				return false, s.tooLong()
			}
			if c == '>' && bytes.HasSuffix(s.textBuf, []byte("]]>")) {
				s.text = normalizeNewlines(s.textBuf[:len(s.textBuf)-3])
				return true, nil
			}
		}
	}
	return false, s.fail("unsupported declaration <!" + string(head[:n]))
}

func (s *scanner) skipPast(end string) error {
	matched := 0
	for matched < len(end) {
		c, ok := s.byte()
		if !ok {
			return s.failEOF()
		}
		if c == end[matched] {
			matched++
			continue
		}
		// The longest start of end that the text read so far ends with,
		// so that "--->" ends a comment.
		m := matched
		for m > 0 && (end[m-1] != c || end[:m-1] != end[matched-m+1:matched]) {
			m--
		}
		matched = m
	}
	return nil
}

func (s *scanner) skipSpace() (byte, bool) {
	for {
		c, ok := s.byte()
		if !ok || !isSpace(c) {
			return c, ok
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// readName reads a tag name into nameBuf and sets name to its local part.
func (s *scanner) readName() error {
	var err error
	if s.nameBuf, err = s.appendName(s.nameBuf[:0]); err != nil {
		return err
	}
	if len(s.nameBuf) == 0 {
		return s.fail("expected a name")
	}
	s.name = s.nameBuf
	if i := bytes.IndexByte(s.name, ':'); i >= 0 {
		s.name = s.name[i+1:]
	}
	return nil
}

// nameEnd marks the bytes that end a name.
var nameEnd = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '/': true, '>': true, '=': true, '<': true, '"': true, '\'': true}

// appendName appends the bytes up to the end of a name to dst, a piece of
// the buffer at a time.
func (s *scanner) appendName(dst []byte) ([]byte, error) {
	for {
		if s.pos == s.end && !s.fill() {
			return dst, s.failEOF()
		}
		i := s.pos
		for i < s.end && !nameEnd[s.buf[i]] {
			i++
		}
		dst = append(dst, s.buf[s.pos:i]...)
		s.pos = i
		if len(dst) > s.maxToken {
			return dst, s.tooLong()
		}
		if i < s.end {
			return dst, nil
		}
	}
}

func (s *scanner) readStart() error {
	if err := s.readName(); err != nil {
		return err
	}
	s.attrs, s.abuf = s.attrs[:0], s.abuf[:0]
	for {
		c, ok := s.skipSpace()
		if !ok {
			return s.failEOF()
		}
		switch c {
		case '>':
			return nil
		case '/':
			if c, ok = s.byte(); !ok || c != '>' {
				return s.fail("expected /> to end <" + string(s.nameBuf))
			}
			s.pendingEnd = true
			return nil
		}
		s.pos--
		if err := s.readAttr(); err != nil {
			return err
		}
	}
}

// readAttr reads name="value" into abuf.
func (s *scanner) readAttr() error {
	start := len(s.abuf)
	var err error
	if s.abuf, err = s.appendName(s.abuf); err != nil {
		return err
	}
	end := len(s.abuf)
	a := attrSpan{prefix: [2]int{start, start}, local: [2]int{start, end}}
	if i := bytes.IndexByte(s.abuf[start:end], ':'); i >= 0 {
		a.prefix[1], a.local[0] = start+i, start+i+1
	}
	if a.local[0] == a.local[1] {
		return s.fail("expected an attribute name in <" + string(s.nameBuf))
	}
	c, ok := s.skipSpace()
	if !ok {
		return s.failEOF()
	}
	if c != '=' {
		return s.fail("expected = after an attribute name")
	}
	q, ok := s.skipSpace()
	if !ok {
		return s.failEOF()
	}
	if q != '"' && q != '\'' {
		return s.fail("an attribute value must be quoted")
	}
	a.value[0] = len(s.abuf)
	for {
		if s.pos == s.end && !s.fill() {
			return s.failEOF()
		}
		i := s.pos
		for i < s.end && s.buf[i] != q && s.buf[i] != '<' {
			i++
		}
		s.abuf = append(s.abuf, s.buf[s.pos:i]...)
		s.pos = i
		if len(s.abuf) > s.maxToken {
			return s.tooLong()
		}
		if i < s.end {
			if s.buf[i] == '<' {
				return s.fail("< inside an attribute value")
			}
			s.pos++
			break
		}
	}
	v, err := unescape(s.abuf[a.value[0]:])
	if err != nil {
		return s.fail(err.Error())
	}
	s.abuf = s.abuf[:a.value[0]+len(v)]
	a.value[1] = len(s.abuf)
	s.attrs = append(s.attrs, a)
	return nil
}

// attr returns the value of the last start tag's attribute with the local
// name local; namespace declarations (xmlns:r) are not attributes.
func (s *scanner) attr(local string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(s.abuf[a.local[0]:a.local[1]]) == local && string(s.abuf[a.prefix[0]:a.prefix[1]]) != "xmlns" {
			return s.abuf[a.value[0]:a.value[1]], true
		}
	}
	return nil, false
}

// readText reads character data up to the next tag. When it lies in the
// buffer, text is a view of the buffer (decoded in place) and no copy is
// made.
func (s *scanner) readText() error {
	if i := bytes.IndexByte(s.buf[s.pos:s.end], '<'); i >= 0 {
		raw := s.buf[s.pos : s.pos+i]
		s.pos += i
		return s.decodeText(raw)
	}
	s.textBuf = s.textBuf[:0]
	for {
		if s.pos == s.end && !s.fill() {
			break
		}
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		if i < 0 {
			s.textBuf = append(s.textBuf, s.buf[s.pos:s.end]...)
			s.pos = s.end
			if len(s.textBuf) > s.maxToken {
				return s.tooLong()
			}
			continue
		}
		s.textBuf = append(s.textBuf, s.buf[s.pos:s.pos+i]...)
		s.pos += i
		break
	}
	return s.decodeText(s.textBuf)
}

func (s *scanner) decodeText(raw []byte) error {
	t, err := unescape(raw)
	if err != nil {
		return s.fail(err.Error())
	}
	s.text = t
	return nil
}
