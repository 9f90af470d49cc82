package xlsx

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"xlsx.limitpart": {"工作簿的部件 %s 解压后有 %d 字节，超过 %d 字节的上限（配置项 limits.part_bytes）",
			"the workbook part %s expands to %d bytes, over the limit of %d (setting limits.part_bytes)"},
		"xlsx.limitunzip": {"工作簿解压后超过 %d 字节的上限（配置项 limits.unzip_bytes）",
			"the workbook expands to more than %d bytes (setting limits.unzip_bytes)"},
		"xlsx.limitratio": {"工作簿的部件 %s 解压后是压缩大小的 %d 倍，超过 %d 倍的上限：文件可能被恶意填充（配置项 limits.ratio）",
			"the workbook part %s expands %d times its compressed size, over the limit of %d: the file may be padded (setting limits.ratio)"},
		"xlsx.limittoken": {"XML 中有一段超过 %d 字节的文本或标记（解压后第 %d 字节处）：文件可能被恶意填充",
			"the XML holds a text or tag longer than %d bytes (at uncompressed byte %d): the file may be padded"},
		"xlsx.limitsst": {"共享字符串超过 %d 个的上限（配置项 limits.shared_strings）",
			"more than %d shared strings (setting limits.shared_strings)"},
		"xlsx.limitsstbytes": {"共享字符串合计超过 %d 字节的上限（配置项 limits.shared_bytes）",
			"the shared strings exceed %d bytes together (setting limits.shared_bytes)"},
		"xlsx.limitsstcell": {"第 %d 个共享字符串超过 %d 字节的上限（配置项 limits.cell_bytes）",
			"shared string %d is over the limit of %d bytes (setting limits.cell_bytes)"},
		"xlsx.legacy": {"这是旧版 Excel（.xls）或 WPS（.et）文件，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 后重试",
			"this is a legacy Excel (.xls) or WPS (.et) file, which cannot be read: save it as .xlsx in Excel or WPS and retry"},
		"xlsx.merged": {"合并单元格 %s 覆盖了数据行：请取消合并，并在每个单元格中填写各自的值",
			"merged cells %s cover data rows: unmerge them and fill in each cell's own value"},
	})
}

// limitError is a limit that the file goes over; line and col place it in
// the sheet when known (0 otherwise).
type limitError struct {
	line, col int
	msg       locale.Message
}

func (e *limitError) Error() string { return e.msg.In(locale.EN) }

// ole2Magic starts a Compound File: legacy .xls, and WPS's .et.
var ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// IsLegacy reports whether name has the extension of a legacy
// spreadsheet (.xls, .et) that the reader refuses.
func IsLegacy(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xls", ".et":
		return true
	}
	return false
}

// LegacyError is the refusal of a legacy spreadsheet named file.
func LegacyError(file string) error {
	return &table.Error{File: file, Msg: locale.M("xlsx.legacy")}
}

// isOLE2 reports whether head starts like a Compound File.
func isOLE2(head []byte) bool { return bytes.HasPrefix(head, ole2Magic) }

// tokenLimit is the longest token a cell of lim.CellBytes can take in
// XML: a character reference (&#x4E00;) is up to 8 bytes for 3.
func tokenLimit(lim table.Limits) int { return 8*lim.CellBytes + 4<<10 }

// tooLong is the error for a token over maxToken.
func (s *scanner) tooLong() error {
	if s.rerr != nil {
		return s.rerr
	}
	return &limitError{msg: locale.M("xlsx.limittoken", s.maxToken, s.off+int64(s.pos))}
}
