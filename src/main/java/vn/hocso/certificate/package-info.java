/** Certificates: issuing on completion, the PDF with its QR code, public verification, revocation. */
package vn.hocso.certificate;
