package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// readContent reads the text directly inside the element whose start tag
// was just read, up to its end tag, appending it to dst; the text of
// nested elements is left out, as encoding/xml's ",chardata" does.
func (s *scanner) readContent(dst []byte) ([]byte, error) {
	depth := 0
	for {
		k, err := s.next()
		if err != nil {
			return dst, err
		}
		switch k {
		case tokEOF:
			return dst, s.failEOF()
		case tokText:
			if depth == 0 {
				if dst = append(dst, s.text...); len(dst) > s.maxToken {
					return dst, s.tooLong()
				}
			}
		case tokStart:
			depth++
		case tokEnd:
			if depth == 0 {
				return dst, nil
			}
			depth--
		}
	}
}

// skipElement reads up to the end of the element whose start tag was just
// read.
func (s *scanner) skipElement() error {
	depth := 0
	for {
		k, err := s.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return s.failEOF()
		case tokStart:
			depth++
		case tokEnd:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// unescape decodes entities and turns CR LF and CR into LF, as an XML
// processor must, in place: every replacement is shorter than its source.
func unescape(b []byte) ([]byte, error) {
	// Texts are short (a number): a plain loop beats bytes.IndexAny.
	i := 0
	for i < len(b) && b[i] != '&' && b[i] != '\r' {
		i++
	}
	if i == len(b) {
		return b, nil
	}
	w := i
	for r := i; r < len(b); {
		switch c := b[r]; c {
		case '\r':
			b[w] = '\n'
			w++
			r++
			if r < len(b) && b[r] == '\n' {
				r++
			}
		case '&':
			j := bytes.IndexByte(b[r:], ';')
			if j < 0 {
				return nil, errors.New("& without ;")
			}
			ent := string(b[r+1 : r+j])
			var rn rune
			switch ent {
			case "lt":
				rn = '<'
			case "gt":
				rn = '>'
			case "amp":
				rn = '&'
			case "apos":
				rn = '\''
			case "quot":
				rn = '"'
			default:
				var ok bool
				if rn, ok = charRef(ent); !ok {
					return nil, fmt.Errorf("unknown entity &%s;", ent)
				}
			}
			w += utf8.EncodeRune(b[w:], rn)
			r += j + 1
		default:
			b[w] = c
			w++
			r++
		}
	}
	return b[:w], nil
}

// charRef decodes a character reference without its & and ;: #65 or
// #x41. Only characters XML allows are accepted.
func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' || len(ent) > 10 {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(ent[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(ent[1:], 10, 32)
	}
	r := rune(n)
	ok := err == nil && (r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF)
	return r, ok
}

func normalizeNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	w := 0
	for r := 0; r < len(b); r++ {
		if b[r] == '\r' {
			b[w] = '\n'
			w++
			if r+1 < len(b) && b[r+1] == '\n' {
				r++
			}
			continue
		}
		b[w] = b[r]
		w++
	}
	return b[:w]
}
