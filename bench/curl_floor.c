/* curl_floor: the least a command-line AWS client built on Debian's libcurl and OpenSSL can cost per
 * command, before it has parsed an argument or sent a byte: the process, libcurl with the ~30 libraries
 * it brings (GnuTLS, Kerberos, LDAP, SSH, ...), curl_global_init (OpenSSL's initialization with it), and
 * one SHA-256 through OpenSSL's EVP interface, as every SigV4 signature needs. bench/aws_vs_cli.py runs it
 * to set drconsole's figures against that floor. Written in C so that no C++ runtime adds to it. */
#include <curl/curl.h>
#include <openssl/evp.h>
#include <stdio.h>

int main(void) {
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 1;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const char payload[] = "";
  const int ok = EVP_Digest(payload, 0, digest, &length, EVP_sha256(), NULL);
  curl_global_cleanup();
  if (!ok || length != 32) {
    fputs("curl_floor: SHA-256 failed\n", stderr);
    return 1;
  }
  return 0;
}
