package xlsx

import (
	"strconv"
	"strings"
)

// readDateStyles reads the styles part and returns, for each cell style
// (the s attribute of a cell, an index into cellXfs), whether its number
// format shows a date or a time: such a cell stores a day count, which
// must not be read as a figure. A workbook without styles has none.
func (w *workbook) readDateStyles() ([]bool, error) {
	if w.styles == "" {
		return nil, nil
	}
	custom := map[int]bool{} // numFmtId → is a date format
	var styles []bool
	inXfs := false
	err := w.scanAll(w.styles, func(s *scanner, k tokKind) error {
		name := string(s.name)
		switch {
		case k == tokEnd && name == "cellXfs":
			inXfs = false
		case k != tokStart:
		case name == "cellXfs":
			inXfs = true
		case name == "numFmt":
			id, _ := s.attr("numFmtId")
			code, _ := s.attr("formatCode")
			if n, err := strconv.Atoi(string(id)); err == nil {
				custom[n] = isDateFormat(string(code))
			}
		case name == "xf" && inXfs:
			id, _ := s.attr("numFmtId")
			n, err := strconv.Atoi(string(id))
			date, ok := custom[n]
			if !ok {
				date = err == nil && builtinDate(n)
			}
			styles = append(styles, date)
		}
		return nil
	})
	return styles, err
}

// builtinDate reports whether a built-in number format (ECMA-376 part 1,
// 18.8.30, with the East Asian ones) shows a date or a time.
func builtinDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// isDateFormat reports whether a format code shows a date or a time: it
// has y, m, d, h or s (or 年月日时分秒) outside quoted text, escapes and
// colour or condition brackets; [h], [mm] and [ss] are elapsed times.
func isDateFormat(code string) bool {
	section, _, _ := strings.Cut(code, ";") // the positive numbers' section decides
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			if j := strings.IndexByte(section[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '\\', '_', '*':
			i++ // the next character is literal, or a width or fill
		case '[':
			j := strings.IndexByte(section[i:], ']')
			if j < 0 {
				return false
			}
			inner := strings.ToLower(section[i+1 : i+j])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				return true
			}
			i += j
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			return true
		default:
			if strings.HasPrefix(section[i:], "年") || strings.HasPrefix(section[i:], "月") || strings.HasPrefix(section[i:], "日") {
				return true
			}
		}
	}
	return false
}
