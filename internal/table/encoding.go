package table

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func init() {
	locale.Register(map[string][2]string{
		"table.utf8":    {"文件不是 UTF-8 编码（可能是 GBK）；请另存为 UTF-8 CSV", "the file is not UTF-8 encoded (GBK?); save it as UTF-8 CSV"},
		"table.gb18030": {"文件按 GB18030（GBK）编码读取并已转换为 UTF-8", "the file was read as GB18030 (GBK) and converted to UTF-8"},
	})
}

// EncodingNotice returns the notice to show for a table converted from
// another encoding, or the zero Message when it was UTF-8.
func (t *Table) EncodingNotice() locale.Message {
	if t.Encoding == "" {
		return locale.Message{}
	}
	return locale.M("table.gb18030")
}

// sniffSize is the window in which the encoding is detected: offices save
// CSV from Excel or WPS in GBK (code page 936) on Chinese Windows.
const sniffSize = 64 << 10

// decode returns the CSV text of r as UTF-8 without a byte-order mark,
// with the encoding it was converted from ("" for UTF-8). The first
// sniffSize bytes decide: valid UTF-8 is read as it is (invalid bytes
// later are refused at their field); text that is not UTF-8 but decodes
// cleanly as GB18030 is converted; anything else is refused. The file is
// counted against lim.FileBytes before any decoding.
func decode(file string, r io.Reader, lim Limits) (io.Reader, string, error) {
	br := bufio.NewReaderSize(&capped{src: r, left: lim.FileBytes, lim: lim.FileBytes}, sniffSize)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	head, err := br.Peek(sniffSize)
	var le *limitError
	if asLimit(err, &le) {
		return nil, "", Errors{{File: file, Msg: le.msg}}
	}
	atEOF := err != nil
	if utf8.Valid(head) || !atEOF && utf8.Valid(trimPartialRune(head)) {
		return br, "", nil
	}
	// GB18030 trail bytes are never a line feed or a comma: text up to
	// the last of them holds whole characters.
	sample := head
	if !atEOF {
		if i := bytes.LastIndexAny(head, "\n,"); i >= 0 {
			sample = head[:i+1]
		}
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(sample)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		bad := firstInvalid(head)
		return nil, "", Errors{{File: file, Line: 1 + bytes.Count(head[:bad], []byte("\n")), Msg: locale.M("table.utf8")}}
	}
	return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), "GB18030", nil
}

// trimPartialRune drops an incomplete UTF-8 sequence that a window cut.
func trimPartialRune(b []byte) []byte {
	for k := 1; k <= 3 && k <= len(b); k++ {
		if c := b[len(b)-k]; c >= 0xC0 {
			if utf8.FullRune(b[len(b)-k:]) {
				return b
			}
			return b[:len(b)-k]
		} else if c < 0x80 {
			return b
		}
	}
	return b
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// capped reads at most lim bytes from src and then fails with a
// limitError: a file over FileBytes is refused without reading it whole.
type capped struct {
	src       io.Reader
	left, lim int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One byte more than the limit tells a file of exactly lim bytes
		// from a larger one.
		var one [1]byte
		if n, _ := io.ReadFull(c.src, one[:]); n == 0 {
			return 0, io.EOF
		}
		return 0, &limitError{msg: locale.M("limit.file", c.lim)}
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.src.Read(p)
	c.left -= int64(n)
	return n, err
}

func asLimit(err error, le **limitError) bool {
	e, ok := err.(*limitError)
	if ok {
		*le = e
	}
	return ok
}
