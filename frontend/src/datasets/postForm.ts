/** Multipart POST to the API: FormData in, JSON out, API errors thrown as ApiError. */
import { apiRequest } from "../api/client";

export const postForm = <T>(path: string, form: FormData): Promise<T> => apiRequest<T>("POST", path, form);
