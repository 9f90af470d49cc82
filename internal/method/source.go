package method

import (
	"io"
	"os"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func init() {
	locale.Register(map[string][2]string{
		"method.toobig": {"方法文件超过 %d 字节的上限", "the method file is over the limit of %d bytes"},
	})
}

// MaxSourceBytes bounds a method file. The largest real method (the Gansu
// one, 60 indicators with their notes) is under 40 KiB; parsed TOML takes
// several times its size in memory, so a file must not be arbitrary.
const MaxSourceBytes = 4 << 20

// ReadSource reads a method file from path, refusing one over
// MaxSourceBytes without reading it whole.
func ReadSource(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxSourceBytes+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxSourceBytes {
		return nil, Errors{tooBig(path)}
	}
	return src, nil
}

func tooBig(file string) *Error {
	return &Error{File: file, Msg: locale.M("method.toobig", MaxSourceBytes)}
}
