package xlsx

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// readSharedStrings reads the shared string table.
func readSharedStrings(src io.Reader, lim table.Limits) ([]string, error) {
	s := newScanner(src, lim)
	var rich richText
	var sst []string
	var size int64
	for {
		k, err := s.next()
		if err != nil {
			return nil, err
		}
		switch {
		case k == tokEOF:
			return sst, nil
		case k == tokStart && string(s.name) == "si":
			t, err := rich.read(s)
			if err != nil {
				return nil, err
			}
			size += int64(len(t))
			switch {
			case len(sst) >= lim.SharedStrings:
				return nil, &limitError{msg: locale.M("xlsx.limitsst", lim.SharedStrings)}
			case size > lim.SharedBytes:
				return nil, &limitError{msg: locale.M("xlsx.limitsstbytes", lim.SharedBytes)}
			case len(t) > lim.CellBytes:
				return nil, &limitError{msg: locale.M("xlsx.limitsstcell", len(sst)+1, lim.CellBytes)}
			}
			sst = append(sst, t)
		}
	}
}

// richText reads string items, reusing its buffers from one to the next.
type richText struct{ own, runs []byte }

// read reads a string item (<si> or <is>) whose start tag was just read:
// its own text <t> followed by the texts of its runs <r><t>, without
// phonetic runs, as excelize's xlsxSI.String gives it.
func (x *richText) read(s *scanner) (string, error) {
	own := x.own[:0]
	x.runs = x.runs[:0]
	for depth := 0; ; {
		k, err := s.next()
		if err != nil {
			return "", err
		}
		switch k {
		case tokEOF:
			return "", s.failEOF()
		case tokEnd:
			if depth == 0 {
				text := append(own, x.runs...)
				x.own = text
				if len(text) == 0 {
					return "", nil
				}
				return decodeEscapes(string(text)), nil
			}
			depth--
		case tokStart:
			switch {
			case depth == 0 && string(s.name) == "t":
				if own, err = s.readContent(own[:0]); err != nil {
					return "", err
				}
			case depth == 0 && string(s.name) == "r":
				if x.runs, err = readRun(s, x.runs); err != nil {
					return "", err
				}
				if len(x.runs) > s.maxToken {
					return "", s.tooLong()
				}
			default:
				depth++
			}
		}
	}
}

// readRun appends the text of a rich text run <r> (its last <t>) to dst.
func readRun(s *scanner, dst []byte) ([]byte, error) {
	var t []byte
	for depth := 0; ; {
		k, err := s.next()
		if err != nil {
			return dst, err
		}
		switch k {
		case tokEOF:
			return dst, s.failEOF()
		case tokEnd:
			if depth == 0 {
				return append(dst, t...), nil
			}
			depth--
		case tokStart:
			if depth == 0 && string(s.name) == "t" {
				if t, err = s.readContent(t[:0]); err != nil {
					return dst, err
				}
				continue
			}
			depth++
		}
	}
}

// decodeEscapes undoes the _xHHHH_ escapes that the file format uses for
// characters XML cannot hold (_x000D_ is CR; _x005F_ is an underscore,
// escaping an escape), as excelize does: escapes that are no valid
// character are dropped.
func decodeEscapes(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil && isHex4(s[i+2:i+6]) {
				if n == 0x5F {
					b.WriteByte('_')
				} else if r := rune(n); utf8.ValidRune(r) {
					b.WriteRune(r)
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isHex4(s string) bool {
	for i := range len(s) {
		c := s[i] | 0x20
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
