// The download link's address: a Blob's object URL, made and revoked with the Blob shown.

import { useEffect, useState } from "react";

/** A Blob's object URL for as long as the Blob is shown; revoked when it goes. */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  return url;
}
