package config

import (
	"fmt"

	"github.com/qiangxian/qiangxian/internal/table"
)

// Limits is the [limits] section: how much an uploaded or imported file
// may hold, and how many imports run at once. Readers get Table; the
// server uses the rest.
type Limits struct {
	Table        table.Limits // CSV and workbook readers
	GeoJSONBytes int64        // an uploaded boundary map
	ImportSlots  int          // imports that run at once, server-wide
	ImportQueue  int          // imports that may wait for a slot; more get 503
}

// DefaultLimits returns the built-in limits: the readers' defaults, and one
// import at a time (imports are CPU- and write-bound; a second one only
// slows the first on a small server) with eight waiting.
func DefaultLimits() Limits {
	return Limits{Table: table.DefaultLimits(), GeoJSONBytes: 64 << 20, ImportSlots: 1, ImportQueue: 8}
}

func (l Limits) problems() []string {
	var bad []string
	if err := l.Table.Validate(); err != nil {
		bad = append(bad, err.Error())
	}
	if l.GeoJSONBytes <= 0 {
		bad = append(bad, fmt.Sprintf("limits.geojson_bytes %d is not positive", l.GeoJSONBytes))
	}
	if l.ImportSlots < 1 || l.ImportQueue < 0 {
		bad = append(bad, fmt.Sprintf("limits.import_slots %d must be at least 1 and limits.import_queue %d not negative", l.ImportSlots, l.ImportQueue))
	}
	return bad
}

// flatten turns TOML sections into dotted keys: [limits] rows = 5 is
// "limits.rows".
func flatten(prefix string, m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			for k2, v2 := range flatten(prefix+k+".", sub) {
				out[k2] = v2
			}
			continue
		}
		out[prefix+k] = v
	}
	return out
}

func limit64(key, zh, en string, p func(c *Config) *int64) field {
	return mk("limits."+key, false, zh, en, func() (func(*Config) string, func(*Config, string) error) { return integer(p) })
}

func limitInt(key, zh, en string, p func(c *Config) *int) field {
	return mk("limits."+key, false, zh, en, func() (func(*Config) string, func(*Config, string) error) { return small(p) })
}

// limitFields are the settings of the [limits] section.
var limitFields = []field{
	limit64("file_bytes", "上传或导入文件的大小上限（字节）", "largest uploaded or imported table file (bytes)",
		func(c *Config) *int64 { return &c.Limits.Table.FileBytes }),
	limitInt("rows", "表格数据行数上限", "most data rows of a table", func(c *Config) *int { return &c.Limits.Table.Rows }),
	limitInt("columns", "表格列数上限", "most columns of a table", func(c *Config) *int { return &c.Limits.Table.Columns }),
	limitInt("cells", "表格单元格数上限（行数 × 表头列数）", "most cells of a table (rows × header columns)",
		func(c *Config) *int { return &c.Limits.Table.Cells }),
	limitInt("cell_bytes", "单元格长度上限（字节）", "longest cell (bytes)", func(c *Config) *int { return &c.Limits.Table.CellBytes }),
	limitInt("row_bytes", "CSV 一行的长度上限（字节）", "longest CSV record (bytes)", func(c *Config) *int { return &c.Limits.Table.RowBytes }),
	limit64("part_bytes", "工作簿中一个部件解压后的大小上限（字节）", "largest workbook part, uncompressed (bytes)",
		func(c *Config) *int64 { return &c.Limits.Table.PartBytes }),
	limit64("unzip_bytes", "工作簿解压后的总大小上限（字节）", "largest workbook, uncompressed (bytes)",
		func(c *Config) *int64 { return &c.Limits.Table.UnzipBytes }),
	limitInt("ratio", "工作簿部件（超过 1 MiB 时）解压与压缩大小之比的上限", "highest uncompressed ÷ compressed ratio of a workbook part over 1 MiB",
		func(c *Config) *int { return &c.Limits.Table.Ratio }),
	limitInt("shared_strings", "工作簿共享字符串个数上限", "most shared strings of a workbook",
		func(c *Config) *int { return &c.Limits.Table.SharedStrings }),
	limit64("shared_bytes", "工作簿共享字符串总长度上限（字节）", "most bytes of a workbook's shared strings",
		func(c *Config) *int64 { return &c.Limits.Table.SharedBytes }),
	limit64("geojson_bytes", "上传的边界地图（GeoJSON）大小上限（字节）", "largest uploaded boundary map, GeoJSON (bytes)",
		func(c *Config) *int64 { return &c.Limits.GeoJSONBytes }),
	limitInt("import_slots", "同时进行的导入数（全服务器）", "imports that run at once, server-wide",
		func(c *Config) *int { return &c.Limits.ImportSlots }),
	limitInt("import_queue", "等待导入的队列长度，超出时返回 503", "imports that may wait for a slot; more are refused with 503",
		func(c *Config) *int { return &c.Limits.ImportQueue }),
}
